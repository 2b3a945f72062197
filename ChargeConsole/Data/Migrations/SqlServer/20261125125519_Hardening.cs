using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AllowedNetworks",
                table: "Stations",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GunRunningSlot",
                table: "ChargingOrders",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestId",
                table: "ChargingOrders",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "ChargingOrders",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SpendingLimit",
                table: "ChargingOrders",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tariff",
                table: "ChargingOrders",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UserRunningSlot",
                table: "ChargingOrders",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OperationRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RequestId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Succeeded = table.Column<bool>(type: "bit", nullable: false),
                    Result = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperationRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsCodes",
                columns: table => new
                {
                    Phone = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WrongTries = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsCodes", x => x.Phone);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_AppUserId_RequestId",
                table: "ChargingOrders",
                columns: new[] { "AppUserId", "RequestId" },
                unique: true,
                filter: "RequestId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_AppUserId_UserRunningSlot",
                table: "ChargingOrders",
                columns: new[] { "AppUserId", "UserRunningSlot" },
                unique: true,
                filter: "UserRunningSlot IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_GunId_GunRunningSlot",
                table: "ChargingOrders",
                columns: new[] { "GunId", "GunRunningSlot" },
                unique: true,
                filter: "GunRunningSlot IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OperationRequests_CreatedAt",
                table: "OperationRequests",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OperationRequests_RequestId",
                table: "OperationRequests",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsCodes_SentAt",
                table: "SmsCodes",
                column: "SentAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OperationRequests");

            migrationBuilder.DropTable(
                name: "SmsCodes");

            migrationBuilder.DropIndex(
                name: "IX_ChargingOrders_AppUserId_RequestId",
                table: "ChargingOrders");

            migrationBuilder.DropIndex(
                name: "IX_ChargingOrders_AppUserId_UserRunningSlot",
                table: "ChargingOrders");

            migrationBuilder.DropIndex(
                name: "IX_ChargingOrders_GunId_GunRunningSlot",
                table: "ChargingOrders");

            migrationBuilder.DropColumn(
                name: "AllowedNetworks",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "GunRunningSlot",
                table: "ChargingOrders");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "ChargingOrders");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "ChargingOrders");

            migrationBuilder.DropColumn(
                name: "SpendingLimit",
                table: "ChargingOrders");

            migrationBuilder.DropColumn(
                name: "Tariff",
                table: "ChargingOrders");

            migrationBuilder.DropColumn(
                name: "UserRunningSlot",
                table: "ChargingOrders");
        }
    }
}
