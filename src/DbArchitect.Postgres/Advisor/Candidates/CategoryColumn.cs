using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// Whether a constant compared with a column names a category (a status, a type, a flag) that
/// every run of the statement asks for, or is one sample of a parameter (a tenant, a user, a code)
/// that the next run replaces. Only a category earns a partial index: for a parameter's value the
/// next caller gets nothing from it, and a composite index serves every value.
/// </summary>
internal static partial class CategoryColumn
{
    /// <param name="facts">The table's statistics and constraints.</param>
    /// <param name="column">The compared column.</param>
    /// <param name="parameterised">The workload compares this column with a parameter somewhere: its values vary by call.</param>
    /// <param name="maximumDistinct">A category has at most this many distinct values (pg_stats).</param>
    public static bool Is(TableFacts facts, string column, bool parameterised, double maximumDistinct) =>
        !parameterised
        && !IdLikeName().IsMatch(column)
        && !facts.KeyColumns.Contains(column)
        && facts.Distinct(column) is > 0 and var distinct && distinct <= maximumDistinct;

    // id, customer_id, order_uuid, api_key, country_code, invoice_number, ref_no: names of identifiers.
    [GeneratedRegex("^(id|uuid|key|code)$|_(id|uuid|key|code|number|no|num|ref)$", RegexOptions.IgnoreCase)]
    private static partial Regex IdLikeName();
}
