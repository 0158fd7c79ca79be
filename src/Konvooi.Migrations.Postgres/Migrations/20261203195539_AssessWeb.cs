using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Konvooi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AssessWeb : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JudgementJson",
                table: "ProfileSnapshots",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsConfirmation",
                table: "ProfileSnapshots",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SafetyAdvice",
                table: "ProfileSnapshots",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ConvoyAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConvoyMapId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Change = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedById = table.Column<Guid>(type: "uuid", nullable: false),
                    HandledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HandledById = table.Column<Guid>(type: "uuid", nullable: true),
                    HandledNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConvoyAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConvoyAlerts_ConvoyMaps_ConvoyMapId",
                        column: x => x.ConvoyMapId,
                        principalTable: "ConvoyMaps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConvoyAlerts_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfessionalJudgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Severity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    JudgedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    JudgedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfessionalJudgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfessionalJudgements_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafetyFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileSnapshotId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdviceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Who = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FollowedUpOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Agreed = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafetyFollowUps_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SafetyFollowUps_ProfileSnapshots_ProfileSnapshotId",
                        column: x => x.ProfileSnapshotId,
                        principalTable: "ProfileSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConvoyAlerts_ConvoyMapId",
                table: "ConvoyAlerts",
                column: "ConvoyMapId");

            migrationBuilder.CreateIndex(
                name: "IX_ConvoyAlerts_OrganisationId_HandledOn",
                table: "ConvoyAlerts",
                columns: new[] { "OrganisationId", "HandledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ConvoyAlerts_PersonId",
                table: "ConvoyAlerts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfessionalJudgements_PersonId",
                table: "ProfessionalJudgements",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SafetyFollowUps_PersonId_AdviceCode",
                table: "SafetyFollowUps",
                columns: new[] { "PersonId", "AdviceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_SafetyFollowUps_ProfileSnapshotId",
                table: "SafetyFollowUps",
                column: "ProfileSnapshotId");

            // Data step (reviewed): coalition catalogue entries seeded from the starter type home_visit_75plus become
            // "Preventief huisbezoek" with aim prevention (issue #16). Their history is kept: every changed entry gets a
            // new version and a revision "retyped"; entries already aimed at prevention are left alone.
            migrationBuilder.Sql("""
                INSERT INTO "CatalogueEntryRevisions" ("Id", "EntryId", "CoalitionId", "Version", "ProviderOrganisationId", "Code", "Name",
                    "InterventionJson", "IsRetired", "Change", "ChangedById", "ChangedAtUtc")
                SELECT gen_random_uuid(), "Id", "CoalitionId", "Version" + 1, "ProviderOrganisationId", "Code",
                    CASE WHEN "Name" = 'Huisbezoek 75-plus' THEN 'Preventief huisbezoek' ELSE "Name" END,
                    REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("InterventionJson", '"aim": "loneliness_emotional"', '"aim": "prevention"'), '"aim": "loneliness_social"', '"aim": "prevention"'), '"aim": "loneliness_both"', '"aim": "prevention"'), '"aim": "meaning"', '"aim": "prevention"'), '"aim": "social_cohesion"', '"aim": "prevention"'), '"aim": "participation"', '"aim": "prevention"'), '"aim": "practical_help"', '"aim": "prevention"'), '"name": "Huisbezoek 75-plus"', '"name": "Preventief huisbezoek"'),
                    "IsRetired", 'retyped', NULL, now()
                FROM "CatalogueEntries"
                WHERE "Code" = 'home_visit_75plus' AND "InterventionJson" NOT LIKE '%"aim": "prevention"%';
                """);
            migrationBuilder.Sql("""
                UPDATE "CatalogueEntries"
                SET "InterventionJson" = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("InterventionJson", '"aim": "loneliness_emotional"', '"aim": "prevention"'), '"aim": "loneliness_social"', '"aim": "prevention"'), '"aim": "loneliness_both"', '"aim": "prevention"'), '"aim": "meaning"', '"aim": "prevention"'), '"aim": "social_cohesion"', '"aim": "prevention"'), '"aim": "participation"', '"aim": "prevention"'), '"aim": "practical_help"', '"aim": "prevention"'), '"name": "Huisbezoek 75-plus"', '"name": "Preventief huisbezoek"'),
                    "Name" = CASE WHEN "Name" = 'Huisbezoek 75-plus' THEN 'Preventief huisbezoek' ELSE "Name" END,
                    "Version" = "Version" + 1,
                    "UpdatedAtUtc" = now()
                WHERE "Code" = 'home_visit_75plus' AND "InterventionJson" NOT LIKE '%"aim": "prevention"%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConvoyAlerts");

            migrationBuilder.DropTable(
                name: "ProfessionalJudgements");

            migrationBuilder.DropTable(
                name: "SafetyFollowUps");

            migrationBuilder.DropColumn(
                name: "JudgementJson",
                table: "ProfileSnapshots");

            migrationBuilder.DropColumn(
                name: "NeedsConfirmation",
                table: "ProfileSnapshots");

            migrationBuilder.DropColumn(
                name: "SafetyAdvice",
                table: "ProfileSnapshots");
        }
    }
}
