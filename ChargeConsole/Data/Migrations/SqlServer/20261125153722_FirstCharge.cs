using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FirstCharge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstChargeAt",
                table: "AppUsers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstChargeStationId",
                table: "AppUsers",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppUsers_FirstChargeStationId_FirstChargeAt",
                table: "AppUsers",
                columns: new[] { "FirstChargeStationId", "FirstChargeAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AppUsers_FirstChargeStationId_FirstChargeAt",
                table: "AppUsers");

            migrationBuilder.DropColumn(
                name: "FirstChargeAt",
                table: "AppUsers");

            migrationBuilder.DropColumn(
                name: "FirstChargeStationId",
                table: "AppUsers");
        }
    }
}
