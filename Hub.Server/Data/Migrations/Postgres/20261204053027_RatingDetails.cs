using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QueueKiosk.HubServer.Data.Migrations.Postgres;

/// <inheritdoc />
public partial class RatingDetails : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(
            name: "RatingIndicesEnabled",
            table: "Sites",
            type: "boolean",
            nullable: false,
            defaultValue: false);

        migrationBuilder.AddColumn<int>(
            name: "RatingTimeoutSeconds",
            table: "Sites",
            type: "integer",
            nullable: true);

        migrationBuilder.AlterColumn<int>(
            name: "Score",
            table: "Ratings",
            type: "integer",
            nullable: true,
            oldClrType: typeof(int),
            oldType: "integer");

        migrationBuilder.AddColumn<Guid>(
            name: "DeviceId",
            table: "Ratings",
            type: "uuid",
            nullable: true);

        migrationBuilder.AddColumn<int>(
            name: "Index1",
            table: "Ratings",
            type: "integer",
            nullable: true);

        migrationBuilder.AddColumn<int>(
            name: "Index3",
            table: "Ratings",
            type: "integer",
            nullable: true);

        migrationBuilder.AddColumn<int>(
            name: "Index4",
            table: "Ratings",
            type: "integer",
            nullable: true);

        migrationBuilder.AddColumn<int>(
            name: "Index7",
            table: "Ratings",
            type: "integer",
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "Reasons",
            table: "Ratings",
            type: "character varying(200)",
            maxLength: 200,
            nullable: true);

        migrationBuilder.AddColumn<Guid>(
            name: "CounterId",
            table: "Devices",
            type: "uuid",
            nullable: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(
            name: "RatingIndicesEnabled",
            table: "Sites");

        migrationBuilder.DropColumn(
            name: "RatingTimeoutSeconds",
            table: "Sites");

        migrationBuilder.DropColumn(
            name: "DeviceId",
            table: "Ratings");

        migrationBuilder.DropColumn(
            name: "Index1",
            table: "Ratings");

        migrationBuilder.DropColumn(
            name: "Index3",
            table: "Ratings");

        migrationBuilder.DropColumn(
            name: "Index4",
            table: "Ratings");

        migrationBuilder.DropColumn(
            name: "Index7",
            table: "Ratings");

        migrationBuilder.DropColumn(
            name: "Reasons",
            table: "Ratings");

        migrationBuilder.DropColumn(
            name: "CounterId",
            table: "Devices");

        migrationBuilder.AlterColumn<int>(
            name: "Score",
            table: "Ratings",
            type: "integer",
            nullable: false,
            defaultValue: 0,
            oldClrType: typeof(int),
            oldType: "integer",
            oldNullable: true);
    }
}
