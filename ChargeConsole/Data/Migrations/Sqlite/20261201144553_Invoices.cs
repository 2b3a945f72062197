using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Invoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InvoiceOrders_ChargingOrderId",
                table: "InvoiceOrders");

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandledBy",
                table: "Invoices",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestId",
                table: "Invoices",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Invoices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "InvoiceOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_AppUserId_RequestId",
                table: "Invoices",
                columns: new[] { "AppUserId", "RequestId" },
                unique: true,
                filter: "RequestId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceOrders_ActiveOrder",
                table: "InvoiceOrders",
                column: "ChargingOrderId",
                unique: true,
                filter: "Active = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invoices_AppUserId_RequestId",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_InvoiceOrders_ActiveOrder",
                table: "InvoiceOrders");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "HandledBy",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Active",
                table: "InvoiceOrders");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceOrders_ChargingOrderId",
                table: "InvoiceOrders",
                column: "ChargingOrderId");
        }
    }
}
