using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Konvooi.Migrations.Sqlite.Migrations
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
                type: "TEXT",
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
