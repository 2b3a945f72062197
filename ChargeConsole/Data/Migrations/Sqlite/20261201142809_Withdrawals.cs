using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Withdrawals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Fee",
                table: "Withdrawals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PaidOut",
                table: "Withdrawals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ProcessedBy",
                table: "Withdrawals",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestId",
                table: "Withdrawals",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Withdrawals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "WithdrawalId",
                table: "Refunds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SystemSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemSettings", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_AppUserId_RequestId",
                table: "Withdrawals",
                columns: new[] { "AppUserId", "RequestId" },
                unique: true,
                filter: "RequestId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_WithdrawalId",
                table: "Refunds",
                column: "WithdrawalId");

            migrationBuilder.AddForeignKey(
                name: "FK_Refunds_Withdrawals_WithdrawalId",
                table: "Refunds",
                column: "WithdrawalId",
                principalTable: "Withdrawals",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Refunds_Withdrawals_WithdrawalId",
                table: "Refunds");

            migrationBuilder.DropTable(
                name: "SystemSettings");

            migrationBuilder.DropIndex(
                name: "IX_Withdrawals_AppUserId_RequestId",
                table: "Withdrawals");

            migrationBuilder.DropIndex(
                name: "IX_Refunds_WithdrawalId",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "Fee",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "PaidOut",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "ProcessedBy",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "WithdrawalId",
                table: "Refunds");
        }
    }
}
