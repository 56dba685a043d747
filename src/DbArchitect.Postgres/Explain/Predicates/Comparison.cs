namespace DbArchitect.Postgres.Explain.Predicates;

/// <summary>
/// One comparison in a plan predicate with a column on one side, e.g. <c>(o.status = 'paid'::text)</c>.
/// <see cref="Other"/> is the other side as printed: a constant, a <c>$n</c>, or another column
/// (<see cref="OtherColumn"/>, for join conditions).
/// </summary>
public sealed record Comparison(ColumnRef Column, string Operator, string Other, ColumnRef? OtherColumn)
{
    /// <summary>The placeholder the other side is, through casts: <c>$2</c>, <c>($2)::integer</c>; null for anything else.</summary>
    public int? Placeholder { get; init; }

    /// <summary>The placeholders of an other side that is an array of placeholders alone (<c>ARRAY[$1, $2]</c>, an IN list); empty otherwise.</summary>
    public IReadOnlyList<int> PlaceholderArray { get; init; } = [];

    public bool IsEquality => Operator is "=" or "= ANY" or "IS";

    public bool IsRange => Operator is "<" or "<=" or ">" or ">=";

    /// <summary>LIKE / ILIKE (<c>~~</c>, <c>~~*</c>).</summary>
    public bool IsPattern => Operator is "~~" or "~~*";

    /// <summary>Operators only GIN serves: containment, overlap, key existence, full-text match.</summary>
    public bool IsGinOnly => Operator is "@>" or "<@" or "&&" or "?" or "?|" or "?&" or "@@";

    /// <summary>A literal (not a parameter, not a column): <c>'paid'::text</c>, <c>42</c>, <c>NULL</c>.</summary>
    public bool IsConstant => OtherColumn is null && !Other.StartsWith('$') && !Other.Contains('$', StringComparison.Ordinal);

    /// <summary>The literal without its cast and quotes: <c>'paid'::text</c> gives paid.</summary>
    public string? ConstantValue
    {
        get
        {
            if (!IsConstant)
            {
                return null;
            }

            var text = Other;
            var cast = text.LastIndexOf("::", StringComparison.Ordinal);
            if (cast > 0 && text[..cast].EndsWith('\''))
            {
                text = text[..cast];
            }

            return text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' ? text[1..^1].Replace("''", "'", StringComparison.Ordinal) : text;
        }
    }

    /// <summary>LIKE with a constant that starts with a wildcard: only a trigram index can serve it.</summary>
    public bool IsLeadingWildcard => IsPattern && ConstantValue is { } value && (value.StartsWith('%') || value.StartsWith('_'));
}
