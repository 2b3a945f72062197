using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Campaigns_Status",
                table: "Campaigns");

            migrationBuilder.AddColumn<int>(
                name: "Frequency",
                table: "Campaigns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Placement",
                table: "Campaigns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Campaigns",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CampaignViews",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    AppUserId = table.Column<int>(type: "int", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignViews", x => new { x.CampaignId, x.AppUserId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Placement_Status",
                table: "Campaigns",
                columns: new[] { "Placement", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignViews");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_Placement_Status",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Frequency",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Placement",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Campaigns");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Status",
                table: "Campaigns",
                column: "Status");
        }
    }
}
