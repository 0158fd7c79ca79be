using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Konvooi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupportPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatchRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileSnapshotId = table.Column<Guid>(type: "uuid", nullable: false),
                    RulesVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CatalogueVersion = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    WeightsVersion = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ProfileJson = table.Column<string>(type: "text", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: false),
                    InputHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ShownById = table.Column<Guid>(type: "uuid", nullable: false),
                    ShownAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastShownAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ShownCount = table.Column<int>(type: "integer", nullable: false),
                    ChoiceJson = table.Column<string>(type: "text", nullable: true),
                    ChoiceReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ChosenById = table.Column<Guid>(type: "uuid", nullable: true),
                    ChosenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchRuns_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchRuns_ProfileSnapshots_ProfileSnapshotId",
                        column: x => x.ProfileSnapshotId,
                        principalTable: "ProfileSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResponsibleProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosureJson = table.Column<string>(type: "text", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportPlans_MatchRuns_MatchRunId",
                        column: x => x.MatchRunId,
                        principalTable: "MatchRuns",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SupportPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportPlanVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportPlanVersions_SupportPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SupportPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Trajectories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InterventionId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EventsJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trajectories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Trajectories_SupportPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SupportPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InterventionId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ResponsibleProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cause = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneById = table.Column<Guid>(type: "uuid", nullable: true),
                    DoneNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_Trajectories_Id",
                        column: x => x.Id,
                        principalTable: "Trajectories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_OrganisationId_ResponsibleProfessionalId_Done~",
                table: "FollowUpTasks",
                columns: new[] { "OrganisationId", "ResponsibleProfessionalId", "DoneOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchRuns_PersonId_ShownAtUtc",
                table: "MatchRuns",
                columns: new[] { "PersonId", "ShownAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchRuns_ProfileSnapshotId",
                table: "MatchRuns",
                column: "ProfileSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportPlans_MatchRunId",
                table: "SupportPlans",
                column: "MatchRunId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportPlans_OrganisationId_ResponsibleProfessionalId",
                table: "SupportPlans",
                columns: new[] { "OrganisationId", "ResponsibleProfessionalId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportPlans_PersonId",
                table: "SupportPlans",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportPlanVersions_PlanId_Number",
                table: "SupportPlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Trajectories_OrganisationId_InterventionId",
                table: "Trajectories",
                columns: new[] { "OrganisationId", "InterventionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Trajectories_PersonId",
                table: "Trajectories",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Trajectories_PlanId",
                table: "Trajectories",
                column: "PlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpTasks");

            migrationBuilder.DropTable(
                name: "SupportPlanVersions");

            migrationBuilder.DropTable(
                name: "Trajectories");

            migrationBuilder.DropTable(
                name: "SupportPlans");

            migrationBuilder.DropTable(
                name: "MatchRuns");
        }
    }
}
