using System.Globalization;
using System.Text;

namespace DbArchitect.Benchmarks.Split;

/// <summary>
/// A generated script of realistic statements: queries headed by line comments, nested block comments, strings with
/// doubled quotes, escape strings and non-ASCII text, dollar-quoted function and DO bodies with
/// semicolons inside, BEGIN ATOMIC bodies, quoted names. Every statement parses in PostgreSQL 15,
/// so the parser's own split and fingerprint can run on all of it. The same seed gives the same script.
/// <see cref="AsDump"/> frames it as recent pg_dump output does, with psql's <c>\restrict</c> … <c>\unrestrict</c>.
/// </summary>
internal static class SplitWorkload
{
    private static readonly Func<int, string>[] Shapes =
    [
        n => $"-- query {n}: a customer's recent orders; newest first\nSELECT o.id, o.total, o.created_at FROM orders o WHERE o.customer_id = {n} AND o.status = 'shipped' ORDER BY o.created_at DESC LIMIT 20;\n",
        n => $"INSERT INTO customers (name, email, note) VALUES ('O''Brien {n}', 'user{n}@example.com', E'line\\nnext; it\\'s {n}');\n",
        n => $"UPDATE products SET description = 'Café crème — Größe {n} 😀; ½ price' /* price; rounded */ WHERE id = {n};\n",
        n => $"CREATE OR REPLACE FUNCTION f_{n}(a int) RETURNS int LANGUAGE plpgsql AS $fn$\nBEGIN\n  -- add; then return\n  IF a > {n} THEN RETURN a; END IF;\n  RETURN a + {n};\nEND\n$fn$;\n",
        n => $"DO $$ BEGIN PERFORM pg_sleep(0); RAISE NOTICE 'done; %', {n}; END $$;\n",
        n => $"CREATE TABLE IF NOT EXISTS audit_{n} (id bigint PRIMARY KEY, payload jsonb NOT NULL DEFAULT '{{}}', \"Odd;Name\" text, CHECK (id > 0));\n",
        n => $"/* report /* nested; */ {n} */ SELECT date_trunc('day', created_at) AS day, count(*) FROM events WHERE kind = ANY ('{{a,b}}') GROUP BY 1 HAVING count(*) > {n};\n",
        n => $"CREATE FUNCTION g_{n}() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN {n} END; END;\n",
        n => $"SELECT $tag$ text with ; and $$ inside $tag$ AS s, '\\' AS backslash, {n} AS n;\n",
        n => $"DELETE FROM sessions WHERE expires_at < now() - interval '{n % 90} days' RETURNING id;\n",
    ];

    public static string Generate(int megabytes, int seed = 42)
    {
        var random = new Random(seed);
        var target = megabytes * 1024L * 1024;
        var script = new StringBuilder("SET client_encoding = 'UTF8';\n");
        long bytes = script.Length;
        while (bytes < target)
        {
            var statement = Shapes[random.Next(Shapes.Length)](random.Next(1, 1_000_000));
            script.Append(statement);
            bytes += Encoding.UTF8.GetByteCount(statement);
        }

        return script.ToString();
    }

    public static string AsDump(string script) => $"\\restrict Qx7bench\n\n{script}\n\\unrestrict Qx7bench\n";

    public static string Megabytes(string script) =>
        (Encoding.UTF8.GetByteCount(script) / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture);
}
