namespace DbArchitect.Postgres.Catalog.Reading;

internal static class LanguageQuery
{
    public static readonly CatalogQuery<LanguageInfo> Query = new("languages", row => new LanguageInfo
    {
        Name = row.String("name"),
        Trusted = row.Bool("trusted"),
        Handler = row.NullableString("handler"),
        InlineHandler = row.NullableString("inline_handler"),
        Validator = row.NullableString("validator"),
        Extension = row.NullableString("extension"),
        Routines = row.Int("routines"),
    });
}
