using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Konvooi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DailyContact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyContactArrangements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrangementJson = table.Column<string>(type: "text", nullable: false),
                    ContactDetailsJson = table.Column<string>(type: "text", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentGivenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ContactPreferences = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyContactArrangements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DailyContactArrangements_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DailyContactOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotReference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GaveUpAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyContactOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailyContactTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedById = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyContactTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailyContactSlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "date", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    SecondContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    SlotJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LastStep = table.Column<int>(type: "integer", nullable: false),
                    IsClosed = table.Column<bool>(type: "boolean", nullable: false),
                    StateJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyContactSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DailyContactSlots_DailyContactArrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "DailyContactArrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DailyContactConfirmations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Signals = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HasSignals = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUpHandled = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUpHandledById = table.Column<Guid>(type: "uuid", nullable: true),
                    FollowUpHandledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyContactConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DailyContactConfirmations_DailyContactSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "DailyContactSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactArrangements_OrganisationId_StartDate",
                table: "DailyContactArrangements",
                columns: new[] { "OrganisationId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactArrangements_PersonId",
                table: "DailyContactArrangements",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactConfirmations_OrganisationId_HasSignals_FollowU~",
                table: "DailyContactConfirmations",
                columns: new[] { "OrganisationId", "HasSignals", "FollowUpHandled" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactConfirmations_PersonId_LocalDate",
                table: "DailyContactConfirmations",
                columns: new[] { "PersonId", "LocalDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactConfirmations_SlotId",
                table: "DailyContactConfirmations",
                column: "SlotId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactOutbox_ActionKey",
                table: "DailyContactOutbox",
                column: "ActionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactOutbox_SentAtUtc_NextAttemptUtc",
                table: "DailyContactOutbox",
                columns: new[] { "SentAtUtc", "NextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactSlots_ArrangementId_LocalDate",
                table: "DailyContactSlots",
                columns: new[] { "ArrangementId", "LocalDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactSlots_ContactId",
                table: "DailyContactSlots",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactSlots_IsClosed_StartUtc",
                table: "DailyContactSlots",
                columns: new[] { "IsClosed", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactSlots_OrganisationId_LocalDate",
                table: "DailyContactSlots",
                columns: new[] { "OrganisationId", "LocalDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactSlots_Reference",
                table: "DailyContactSlots",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactTokens_ContactId_Purpose",
                table: "DailyContactTokens",
                columns: new[] { "ContactId", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactTokens_Hash",
                table: "DailyContactTokens",
                column: "Hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyContactConfirmations");

            migrationBuilder.DropTable(
                name: "DailyContactOutbox");

            migrationBuilder.DropTable(
                name: "DailyContactTokens");

            migrationBuilder.DropTable(
                name: "DailyContactSlots");

            migrationBuilder.DropTable(
                name: "DailyContactArrangements");
        }
    }
}
