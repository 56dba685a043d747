using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Validation;

/// <summary>A target whose names need every kind of quoting, with a function body pg_dump writes as BEGIN ATOMIC.</summary>
public sealed class WeirdSchemaFixture : DatabaseFixture
{
    /// <summary>63 bytes, the longest name PostgreSQL keeps.</summary>
    public const string LongName = "a_table_name_of_exactly_sixty_three_bytes_which_is_the_limit_xy";

    protected override Task OnCreatedAsync() => ExecuteAsync($$""""
        CREATE SCHEMA "Sales & Co";
        CREATE TABLE "Sales & Co"."Order ""Items""" (
            "select" integer PRIMARY KEY,
            "Ünïcødé" text,
            "CamelCase" text DEFAULT 'semi;colon');
        CREATE INDEX "index with spaces" ON "Sales & Co"."Order ""Items""" ("Ünïcødé");
        CREATE TABLE {{LongName}} (id integer PRIMARY KEY, "select" integer REFERENCES "Sales & Co"."Order ""Items""");
        CREATE TYPE "Mood" AS ENUM ('happy', 'it''s complicated');
        -- Npgsql would split a BEGIN ATOMIC body at its semicolons; the dollar quotes keep it whole.
        DO $create$ BEGIN
            EXECUTE 'CREATE FUNCTION "Sales & Co"."Answer"() RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 42; END';
        END $create$;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN NEW."CamelCase" := E'a\';b'; RETURN NEW; END $body$;
        CREATE TRIGGER "Touch!" BEFORE INSERT ON "Sales & Co"."Order ""Items""" FOR EACH ROW EXECUTE FUNCTION touch();
        COMMENT ON TABLE {{LongName}} IS 'a comment; with a semicolon';
        """");
}
