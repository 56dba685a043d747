using System.Globalization;
using System.Text;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// Finds the migration chains under a folder: every folder whose .sql files follow one of the
/// conventions (<see cref="MigrationConvention"/>) is one chain, ordered as its tool orders it.
/// Files among them that cannot be read as SQL (binary, huge, unreadable, another dialect, a down
/// without its up) are listed as skipped, never dropped in silence.
/// </summary>
public static class MigrationDiscovery
{
    /// <summary>Larger than this is no hand-written migration; reading it would only cost memory.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    private static readonly HashSet<string> NeverSearched = new(StringComparer.OrdinalIgnoreCase) { ".git", "node_modules", "bin", "obj", "vendor", "target", ".venv" };

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<MigrationChain> Discover(string root, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"no such folder: {full}");
        }

        var chains = new List<MigrationChain>();
        var dbUp = new DbUpProjects(full);
        var sqitchScripts = new List<string>();
        foreach (var folder in Folders(full))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A sqitch project's deploy/, revert/ and verify/ belong to its plan, never to a chain of their own.
            if (sqitchScripts.Any(owned => folder.StartsWith(owned + Path.DirectorySeparatorChar, StringComparison.Ordinal) || folder == owned))
            {
                continue;
            }

            var sqitch = File.Exists(Path.Combine(folder, SqitchMigrations.PlanFile));
            if (sqitch)
            {
                sqitchScripts.AddRange(SqitchMigrations.ScriptFolders.Select(f => Path.Combine(folder, f)));
            }

            var drizzle = File.Exists(Path.Combine(folder, DrizzleJournal.Path));
            var found = sqitch ? SqitchChainIn(full, folder) : drizzle ? DrizzleChainIn(full, folder) : ChainIn(full, folder, dbUp);
            if (found is { } chain && (chain.Migrations.Count > 0 || chain.Skipped.Count > 0))
            {
                chains.Add(chain);
            }
        }

        return FlywayLocationsMerged(chains);
    }

    /// <summary>
    /// Flyway applies the migrations of all its locations as one chain, ordered by version: sibling
    /// folders of Flyway migrations (<c>db/migration_postgres</c>, <c>db/migration_postgres_data</c>)
    /// are taken to be one application's locations.
    /// </summary>
    private static List<MigrationChain> FlywayLocationsMerged(List<MigrationChain> chains)
    {
        static string? Parent(MigrationChain chain) =>
            chain.Migrations.Count > 0 && chain.Migrations.All(m => m.Convention == MigrationConvention.Flyway) ? Path.GetDirectoryName(chain.Root) : null;

        var merged = new List<MigrationChain>();
        foreach (var group in chains.GroupBy(c => Parent(c) is { } parent ? $"flyway:{parent}" : $"chain:{c.Root}"))
        {
            var siblings = group.ToList();
            merged.Add(siblings.Count == 1 ? siblings[0] : new MigrationChain
            {
                Root = Path.GetDirectoryName(siblings[0].Root) ?? siblings[0].Root,
                Migrations = [.. siblings.SelectMany(c => c.Migrations).OrderBy(m => m.Repeatable)
                    .ThenBy(m => m, Comparer<Migration>.Create((a, b) => MigrationFileName.CompareVersions(a.Version, b.Version)))],
                Skipped = [.. siblings.SelectMany(c => c.Skipped)],
            });
        }

        return merged;
    }

    private static IEnumerable<string> Folders(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var folder))
        {
            yield return folder;
            IEnumerable<string> children;
            try
            {
                children = Directory.EnumerateDirectories(folder).Where(child => !NeverSearched.Contains(Path.GetFileName(child))).OrderByDescending(child => child, StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var child in children)
            {
                pending.Push(child);
            }
        }
    }

    private static MigrationChain? ChainIn(string root, string folder, DbUpProjects dbUp)
    {
        // One Prisma migration's own folder (20240101120000_initial_migration/) belongs to the chain of the folder above it.
        if (MigrationFileName.IsPrismaFolder(Path.GetFileName(folder), out _, out _) && File.Exists(Path.Combine(folder, "migration.sql")))
        {
            return null;
        }

        var files = Directory.EnumerateFiles(folder, "*.sql").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var namedForMigrations = Path.GetFileName(folder).Contains("migrat", StringComparison.OrdinalIgnoreCase);

        // Alembic keeps its revisions in versions/, the other ORMs in a folder named for migrations.
        var code = namedForMigrations || Path.GetFileName(folder) == "versions"
            ? Directory.EnumerateFiles(folder).Where(CodeMigrations.IsCode).Order(StringComparer.Ordinal).ToList()
            : [];
        var prismaFolders = Directory.EnumerateDirectories(folder)
            .Where(child => MigrationFileName.IsPrismaFolder(Path.GetFileName(child), out _, out _) && File.Exists(Path.Combine(child, "migration.sql")))
            .OrderBy(child => child, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0 && prismaFolders.Count == 0 && code.Count == 0)
        {
            return null;
        }

        var builder = new ChainBuilder(root);
        var revisions = new List<AlembicMigrations.Revision>();
        foreach (var file in code)
        {
            if (builder.Read(file) is not { } text)
            {
                continue;
            }

            if (AlembicMigrations.Read(builder.Relative(file), text) is { } revision)
            {
                revisions.Add(revision);
            }
            else if (CodeMigrations.Read(builder.Relative(file), text) is { } migration)
            {
                builder.Add(migration);
            }
        }

        builder.AddInOrder(AlembicMigrations.Ordered(revisions));

        foreach (var child in prismaFolders)
        {
            MigrationFileName.IsPrismaFolder(Path.GetFileName(child), out var version, out var name);
            if (builder.Read(Path.Combine(child, "migration.sql")) is { } text)
            {
                builder.Add(new Migration { Version = version, Name = name, Convention = MigrationConvention.Prisma, Up = builder.Script(Path.Combine(child, "migration.sql"), text), RunsInTransaction = true });
            }
        }

        var ownedByDbUp = files.Count > 0 && dbUp.Owns(folder);
        var looksLikeMigrations = namedForMigrations || ownedByDbUp
            || files.Any(f => MigrationFileName.IsFlyway(Path.GetFileName(f), out _, out _, out _) || MigrationFileName.IsUpDown(Path.GetFileName(f), out _, out _, out _, out _, out _));
        if (MigrationFileName.OtherEngineOf(Path.GetRelativePath(root, folder)) is { } engine)
        {
            foreach (var file in files)
            {
                builder.Skip(file, $"in a folder for {engine}, not PostgreSQL");
            }

            return builder.Build(folder);
        }

        var downs = new Dictionary<string, (string Path, string Name, bool ForPostgres)>(StringComparer.Ordinal);
        var ups = new Dictionary<string, (string Path, string Name, bool ForPostgres)>(StringComparer.Ordinal);
        var undos = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (MigrationFileName.IsFlyway(name, out var prefix, out var version, out var title))
            {
                if (char.ToUpperInvariant(prefix) == 'U')
                {
                    undos[version] = file;
                }
                else if (builder.Read(file) is { } text)
                {
                    var repeatable = char.ToUpperInvariant(prefix) == 'R';
                    builder.Add(new Migration
                    {
                        Version = repeatable ? "" : version, Name = title, Convention = MigrationConvention.Flyway, Up = builder.Script(file, text),
                        HasDownConvention = !repeatable, RunsInTransaction = true, Repeatable = repeatable,
                    });
                }
            }
            else if (MigrationFileName.IsUpDown(name, out version, out title, out var up, out var otherDialect, out var forPostgres))
            {
                var direction = up ? ups : downs;
                if (otherDialect is not null)
                {
                    builder.Skip(file, $"written for {otherDialect}, not PostgreSQL");
                }
                else if (!direction.TryGetValue(version, out var found) || !found.ForPostgres)
                {
                    // popx: a file for PostgreSQL takes the place of the one for every dialect.
                    direction[version] = (file, title, forPostgres);
                }
            }
            else if (builder.Read(file) is { } text && MarkedSections.Read(builder.Relative(file), text) is { } sections)
            {
                if (!MigrationFileName.IsNumbered(name, out version, out title))
                {
                    (version, title) = ("", Path.GetFileNameWithoutExtension(name));
                }

                builder.Add(new Migration
                {
                    Version = version, Name = title, Convention = sections.Convention, Up = sections.Up, Down = sections.Down,
                    HasDownConvention = true, RunsInTransaction = sections.RunsInTransaction,
                });
            }
            else if (looksLikeMigrations && builder.Read(file) is { } plain)
            {
                builder.Add(new Migration { Version = "", Name = Path.GetFileNameWithoutExtension(name), Convention = ownedByDbUp ? MigrationConvention.DbUp : MigrationConvention.PlainSql, Up = builder.Script(file, plain) });
            }
        }

        foreach (var (version, up) in ups)
        {
            if (builder.Read(up.Path) is not { } text)
            {
                continue;
            }

            var down = downs.Remove(version, out var found) && builder.Read(found.Path) is { } downText ? builder.Script(found.Path, downText) : null;
            builder.Add(new Migration { Version = version, Name = up.Name, Convention = MigrationConvention.UpDownFiles, Up = builder.Script(up.Path, text), Down = down, HasDownConvention = true });
        }

        foreach (var (_, down) in downs)
        {
            builder.Skip(down.Path, "a down migration without its up");
        }

        builder.AttachUndos(undos);
        return builder.Build(folder);
    }

    /// <summary>The sqitch project whose plan sits in <paramref name="folder"/>, its scripts read from the folders beside the plan.</summary>
    private static MigrationChain SqitchChainIn(string root, string folder)
    {
        var builder = new ChainBuilder(root);
        if (MigrationFileName.OtherEngineOf(Path.GetRelativePath(root, folder)) is { } engine)
        {
            builder.Skip(Path.Combine(folder, SqitchMigrations.PlanFile), $"a sqitch plan in a folder for {engine}, not PostgreSQL");
            return builder.Build(folder);
        }

        var scripts = new List<string>();
        foreach (var scriptFolder in SqitchMigrations.ScriptFolders.Select(f => Path.Combine(folder, f)).Where(Directory.Exists))
        {
            try
            {
                scripts.AddRange(Directory.EnumerateFiles(scriptFolder, "*.sql", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/')));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                builder.Skip(scriptFolder, $"unreadable: {e.Message}");
            }
        }

        var relative = Path.GetRelativePath(root, folder) is var path && path == "." ? "" : path;
        var project = SqitchMigrations.Read(relative, builder.Read(Path.Combine(folder, SqitchMigrations.PlanFile)), scripts, script => builder.Read(Path.Combine(folder, script)));
        builder.AddInOrder(project.Migrations);
        builder.Skip(project.Skipped);
        return builder.Build(folder);
    }

    /// <summary>
    /// A drizzle-kit output folder: each journal entry's <c>&lt;tag&gt;.sql</c> in journal order, no down,
    /// all pending ones in one transaction. A folder's .sql file the journal does not list, an entry
    /// without its file, and a journal for another dialect are listed as skipped.
    /// </summary>
    private static MigrationChain DrizzleChainIn(string root, string folder)
    {
        var builder = new ChainBuilder(root);
        var journalPath = Path.Combine(folder, DrizzleJournal.Path);
        var files = Directory.EnumerateFiles(folder, "*.sql").ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        var (journal, problem) = builder.Read(journalPath) is { } text ? DrizzleJournal.Read(text) : (null, null);
        if (journal is null || !journal.IsPostgres)
        {
            var reason = journal is null ? problem ?? "an unreadable drizzle journal" : $"a drizzle migration for {journal.Dialect}, not PostgreSQL";
            builder.Skip(journalPath, reason);
            foreach (var file in files.Values.Order(StringComparer.Ordinal))
            {
                builder.Skip(file, reason);
            }

            return builder.Build(folder);
        }

        var ordered = new List<Migration>();
        foreach (var tag in journal.Tags)
        {
            if (!files.Remove(tag, out var file))
            {
                builder.Skip(Path.Combine(folder, tag + ".sql"), "listed in the drizzle journal, but the file is missing");
                continue;
            }

            if (builder.Read(file) is { } sql)
            {
                var numbered = MigrationFileName.IsNumbered(Path.GetFileName(file), out var version, out var title);
                ordered.Add(new Migration
                {
                    Version = numbered ? version : "", Name = numbered ? title : tag, Convention = MigrationConvention.Drizzle,
                    Up = builder.Script(file, sql), RunsInTransaction = true,
                });
            }
        }

        foreach (var stray in files.Values.Order(StringComparer.Ordinal))
        {
            builder.Skip(stray, "a .sql file the drizzle journal does not list: drizzle never applies it");
        }

        builder.AddInOrder(ordered);
        return builder.Build(folder);
    }

    /// <summary>The migrations of one folder as they are found, then ordered.</summary>
    private sealed class ChainBuilder(string root)
    {
        private readonly List<Migration> _migrations = [];
        private readonly List<Migration> _inOrder = [];
        private readonly List<SkippedFile> _skipped = [];
        private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);

        public string Relative(string path) => Path.GetRelativePath(root, path);

        public MigrationScript Script(string path, string text) => new(Relative(path), 1, text);

        public void Add(Migration migration) => _migrations.Add(migration);

        /// <summary>Migrations whose order their reader has worked out (Alembic's revision chain): after the others, as given.</summary>
        public void AddInOrder(IEnumerable<Migration> migrations) => _inOrder.AddRange(migrations);

        public void Skip(string path, string reason) => _skipped.Add(new SkippedFile(Relative(path), reason));

        /// <summary>Entries a reader has already named relative to the folder searched.</summary>
        public void Skip(IEnumerable<SkippedFile> skipped) => _skipped.AddRange(skipped);

        /// <summary>The file's text, or null (and the file listed as skipped) when it is no readable SQL.</summary>
        public string? Read(string path)
        {
            if (_texts.TryGetValue(path, out var known))
            {
                return known;
            }

            string? text = null;
            try
            {
                var length = new FileInfo(path).Length;
                if (length > MaxFileBytes)
                {
                    Skip(path, string.Create(CultureInfo.InvariantCulture, $"{length / (1024.0 * 1024):0.0} MB, larger than the {MaxFileBytes / (1024 * 1024)} MB a migration is read up to"));
                }
                else if (File.ReadAllBytes(path) is var bytes && Array.IndexOf(bytes, (byte)0) >= 0)
                {
                    Skip(path, "binary content, not SQL text");
                }
                else
                {
                    text = new UTF8Encoding(false).GetString(bytes);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Skip(path, $"unreadable: {e.Message}");
            }

            _texts[path] = text;
            return text;
        }

        /// <summary>Flyway's undo migrations (<c>U2__…</c>) are the downs of the versioned ones with the same version.</summary>
        public void AttachUndos(Dictionary<string, string> undos)
        {
            for (var i = 0; i < _migrations.Count; i++)
            {
                var migration = _migrations[i];
                if (migration.Convention == MigrationConvention.Flyway && undos.Remove(migration.Version, out var undo) && Read(undo) is { } text)
                {
                    _migrations[i] = migration with { Down = Script(undo, text) };
                }
            }

            foreach (var undo in undos.Values)
            {
                Skip(undo, "an undo migration without its versioned migration");
            }
        }

        public MigrationChain Build(string folder) => new()
        {
            Root = Relative(folder),
            Migrations = [.. _migrations.OrderBy(m => m.Repeatable).ThenBy(m => m, Comparer<Migration>.Create(Order)), .. _inOrder],
            Skipped = _skipped,
        };

        private static int Order(Migration left, Migration right) =>
            left.Version.Length > 0 && right.Version.Length > 0
                ? MigrationFileName.CompareVersions(left.Version, right.Version) is var byVersion and not 0 ? byVersion : string.CompareOrdinal(left.Name, right.Name)
                : string.CompareOrdinal(left.Up.Path, right.Up.Path);
    }
}
