using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Advisor.Trial;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Advisor.Trial;

/// <summary>
/// The target: items (60,000 rows, text and jsonb) and reviews (30,000 rows, a foreign key to items
/// and a trigger refusing inserts) and tags (1,000 rows), without pg_trgm. One trial, with a row cap of 20,000, runs on a
/// scratch cluster of its own when the class starts; the tests read its result.
/// </summary>
public sealed class ScratchTrialFixture : DatabaseFixture
{
    public const int RowCap = 20_000;
    public const string Like = "SELECT id FROM items WHERE name LIKE '%abc%'";
    public const string Contains = """SELECT id FROM items WHERE attrs @> '{"color": "c7"}'""";
    public const string ByCategory = "SELECT count(*) FROM items WHERE category = $1";
    public const string Join = "SELECT r.id, i.name FROM reviews r JOIN items i ON i.id = r.item_id WHERE r.body LIKE '%f00%'";
    public const string Unplannable = "SELECT * FROM no_such_table";

    private const string Trigram = "CREATE EXTENSION IF NOT EXISTS pg_trgm";

    public static readonly IndexCandidate NameTrigram = new() { Schema = "public", Table = "items", Method = "gin", Keys = ["name gin_trgm_ops"], Prerequisite = Trigram };
    public static readonly IndexCandidate Attributes = new() { Schema = "public", Table = "items", Method = "gin", Keys = ["attrs jsonb_path_ops"] };
    public static readonly IndexCandidate Note = new() { Schema = "public", Table = "items", Keys = ["note"] };
    public static readonly IndexCandidate ReviewBody = new() { Schema = "public", Table = "reviews", Method = "gin", Keys = ["body gin_trgm_ops"], Prerequisite = Trigram };

    public ScratchTrialResult Result { get; private set; } = null!;
    public string IndexesBefore { get; private set; } = null!;

    public const string IndexesSql = "SELECT string_agg(indexdef, E'\\n' ORDER BY indexdef) FROM pg_indexes WHERE schemaname = 'public'";

    public IndexTrialResult TrialOf(IndexCandidate candidate) => Result.Indexes.Single(i => i.Candidate == candidate);

    protected override async Task OnCreatedAsync()
    {
        await ExecuteAsync("""
            CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, attrs jsonb NOT NULL, category int NOT NULL, note text NOT NULL);
            INSERT INTO items
            SELECT g, md5(g::text), jsonb_build_object('color', 'c' || (g % 1000), 'size', g % 7), g % 100, repeat('n', 400) || g
            FROM generate_series(1, 60000) g;
            CREATE TABLE reviews (id bigint PRIMARY KEY, item_id bigint NOT NULL REFERENCES items, body text NOT NULL);
            INSERT INTO reviews SELECT g, 1 + (g * 7919) % 60000, md5((g * 3)::text) FROM generate_series(1, 30000) g;
            CREATE FUNCTION refuse_reviews() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'reviews are closed'; END $$;
            CREATE TRIGGER reviews_closed BEFORE INSERT ON reviews FOR EACH ROW EXECUTE FUNCTION refuse_reviews();
            CREATE TABLE tags (id int PRIMARY KEY, label text NOT NULL);
            INSERT INTO tags SELECT g, 'tag ' || g FROM generate_series(1, 1000) g;
            ANALYZE items, reviews, tags;
            """);
        IndexesBefore = await ScalarAsync<string>(IndexesSql);

        await using var target = TargetDataSource.Create(AdminConnectionString);
        var trial = new ScratchIndexTrial(AdminConnectionString, target, new ScratchTrialOptions { MaxRowsPerTable = RowCap });
        Result = await trial.RunAsync([NameTrigram, Attributes, Note, ReviewBody], [Like, Contains, ByCategory, Join, Unplannable], cluster: null, CancellationToken.None);
    }
}
