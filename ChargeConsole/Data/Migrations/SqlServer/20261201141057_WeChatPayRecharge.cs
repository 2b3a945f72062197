using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WeChatPayRecharge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ByUser",
                table: "Refunds",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Submitted",
                table: "Refunds",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "BonusReclaimed",
                table: "RechargeOrders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "RechargeOrders",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayerOpenId",
                table: "RechargeOrders",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentIssue",
                table: "RechargeOrders",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrepayId",
                table: "RechargeOrders",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestId",
                table: "RechargeOrders",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RechargeOrders_AppUserId_RequestId",
                table: "RechargeOrders",
                columns: new[] { "AppUserId", "RequestId" },
                unique: true,
                filter: "RequestId IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RechargeOrders_AppUserId_RequestId",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "ByUser",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "Submitted",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "BonusReclaimed",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "PayerOpenId",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "PaymentIssue",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "PrepayId",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "RechargeOrders");
        }
    }
}
