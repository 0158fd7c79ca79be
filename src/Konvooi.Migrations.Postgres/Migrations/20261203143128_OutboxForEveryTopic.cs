using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Konvooi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutboxForEveryTopic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Topic = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Subject = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecipientUserId = table.Column<Guid>(type: "uuid", nullable: true),
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
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ActionKey",
                table: "Outbox",
                column: "ActionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAtUtc_NextAttemptUtc",
                table: "Outbox",
                columns: new[] { "SentAtUtc", "NextAttemptUtc" });

            // Data step (reviewed, same SQL on both providers): queued daily contact e-mails move to the shared outbox.
            migrationBuilder.Sql("""
                INSERT INTO "Outbox" ("Id", "ActionKey", "Topic", "OrganisationId", "PersonId", "Subject", "Reason", "ContactId", "RecipientUserId",
                    "CreatedAtUtc", "Attempts", "NextAttemptUtc", "ClaimedUntilUtc", "SentAtUtc", "GaveUpAtUtc", "LastError")
                SELECT "Id", "ActionKey", 'daily-contact', "OrganisationId", "PersonId", "SlotReference", "Reason", "ContactId", NULL,
                    "CreatedAtUtc", "Attempts", "NextAttemptUtc", "ClaimedUntilUtc", "SentAtUtc", "GaveUpAtUtc", "LastError"
                FROM "DailyContactOutbox";
                """);

            migrationBuilder.DropTable(
                name: "DailyContactOutbox");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.CreateTable(
                name: "DailyContactOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GaveUpAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SlotReference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyContactOutbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactOutbox_ActionKey",
                table: "DailyContactOutbox",
                column: "ActionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DailyContactOutbox_SentAtUtc_NextAttemptUtc",
                table: "DailyContactOutbox",
                columns: new[] { "SentAtUtc", "NextAttemptUtc" });
        }
    }
}
