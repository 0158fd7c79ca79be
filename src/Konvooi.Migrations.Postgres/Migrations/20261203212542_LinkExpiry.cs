using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Konvooi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LinkExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAtUtc",
                table: "DailyContactTokens",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiresAtUtc",
                table: "DailyContactTokens");
        }
    }
}
