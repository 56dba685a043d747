namespace DbArchitect.Postgres.Parsing;

/// <summary>A scanner token in byte offsets of the UTF-8 input, before any string is made of it.</summary>
/// <param name="Start">First byte.</param>
/// <param name="End">Byte after the last.</param>
/// <param name="Token">libpg_query's token number (see <see cref="SqlScanToken"/>).</param>
/// <param name="Keyword">Keyword rank.</param>
internal readonly record struct Utf8Token(int Start, int End, int Token, KeywordKind Keyword)
{
    public bool IsComment => Token is SqlScanToken.SqlComment or SqlScanToken.CComment;
}
