using DbArchitect.Core.Architect;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Tools.Grounding;

/// <summary>
/// What the validator cannot know about a model's document: that the objects its SQL and plan
/// name exist on the target (or are created by the plan), and that every number in an item's
/// evidence was measured by a tool in this run. Errors are worded for the repair prompt.
/// </summary>
public sealed class GroundingCheck(CatalogSnapshot snapshot)
{
    private readonly IReadOnlySet<string> _known = KnownObjects.From(snapshot);
    private readonly IReadOnlySet<string> _schemas =
        snapshot.Schemas.Select(s => s.Name).Concat(snapshot.Tables.Select(t => t.Schema)).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<ValidationError> Check(TodoDocument document, MeasuredNumbers measured)
    {
        var created = Created(document);
        var errors = new List<ValidationError>();
        foreach (var entry in document.Plan.Where(p => !p.Done))
        {
            errors.AddRange(entry.TablesAffected
                .Where(table => !Exists(Normalise(table), created))
                .Select(table => new ValidationError(entry.Id, $"tablesAffected names {table}, which does not exist on the target and no item creates it")));
        }

        foreach (var item in document.Items.Where(i => !i.Done))
        {
            errors.AddRange(MissingObjects(item.Sql, created).Select(name => new ValidationError(item.Id, $"sql names {name}, which does not exist on the target and no item creates it")));
            errors.AddRange(MissingObjects(item.Rollback, created).Select(name => new ValidationError(item.Id, $"rollback names {name}, which does not exist on the target and no item creates it")));
            errors.AddRange(MissingIndexColumns(item.Sql, created).Select(name => new ValidationError(item.Id, $"the index in sql uses column {name}, which does not exist on the target and no item creates it")));
            foreach (var evidence in item.Evidence)
            {
                errors.AddRange(MeasuredNumbers.Extract(evidence.Value)
                    .Where(number => !measured.Contains(number.Value, number.Decimals))
                    .Select(number => new ValidationError(item.Id,
                        $"evidence '{evidence.Label}' cites {number.Value}, which no tool result or finding in this run contains; remove it or call the tool that measures it")));
            }
        }

        return errors.Distinct().ToList();
    }

    private bool Exists(string name, IReadOnlySet<string> created) => _known.Contains(name) || created.Contains(name);

    /// <summary>Schema-qualified names in the SQL (schema.relation, schema.relation.column) that are neither known nor created.</summary>
    private IEnumerable<string> MissingObjects(string sql, IReadOnlySet<string> created) =>
        NamesInSql.Qualified(sql)
            .Where(parts => _schemas.Contains(parts[0]))
            .Select(parts => string.Join('.', parts.Select(SqlIdentifier.Quote)))
            .Where(name => !Exists(name, created))
            .Distinct();

    private IEnumerable<string> MissingIndexColumns(string sql, IReadOnlySet<string> created)
    {
        foreach (var candidate in CreateIndexReader.ReadAll(sql, snapshot))
        {
            foreach (var column in CreateIndexReader.PlainColumns(candidate))
            {
                var name = $"{candidate.QualifiedTable}.{SqlIdentifier.Quote(column)}";
                if (!Exists(name, created))
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>
    /// What the plan creates: every item's <c>creates</c>, and the objects its SQL creates or adds.
    /// An unqualified name (CREATE INDEX name ON …) may be referred to with any schema.
    /// </summary>
    private HashSet<string> Created(TodoDocument document)
    {
        var created = document.Items.SelectMany(i => i.Creates).Select(Normalise).ToHashSet(StringComparer.Ordinal);
        foreach (var item in document.Items)
        {
            foreach (var (schema, name) in NamesInSql.Created(item.Sql))
            {
                var quoted = SqlIdentifier.Quote(name);
                if (schema is null)
                {
                    created.Add(quoted);
                    created.UnionWith(_schemas.Select(known => $"{SqlIdentifier.Quote(known)}.{quoted}"));
                }
                else
                {
                    created.Add(SqlIdentifier.Qualify(schema, name));
                }
            }

            foreach (var (schema, table, column) in NamesInSql.AddedColumns(item.Sql))
            {
                var relation = schema is null ? SqlIdentifier.Quote(table) : SqlIdentifier.Qualify(schema, table);
                created.Add($"{relation}.{SqlIdentifier.Quote(column)}");
            }
        }

        return created;
    }

    private static string Normalise(string name) => string.Join('.', name.Trim().Split('.').Select(part => SqlIdentifier.Quote(Unquote(part))));

    private static string Unquote(string part) =>
        part.StartsWith('"') && part.EndsWith('"') && part.Length >= 2 ? part[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : part.ToLowerInvariant();
}
