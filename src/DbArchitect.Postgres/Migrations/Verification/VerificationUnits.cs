using DbArchitect.Core.Migrations;

namespace DbArchitect.Postgres.Migrations.Verification;

/// <summary>
/// The migrations as their tool applies and rolls them back. popx (ory) splits one migration into
/// numbered parts, <c>20201110175414000000</c>, <c>…000001</c>, one statement each, and rolls the
/// parts back in reverse order, so a part's down may undo another part's up: the parts of one
/// timestamp are proven together, ups in order and downs in reverse.
/// </summary>
public static class VerificationUnits
{
    private const int PopxVersionDigits = 20;
    private const int PopxTimestampDigits = 14;

    public static IReadOnlyList<Migration> Of(MigrationChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var units = new List<Migration>();
        foreach (var group in chain.Migrations.GroupBy(Key).Select(g => g.ToList()))
        {
            if (group.Count == 1)
            {
                units.Add(group[0]);
                continue;
            }

            var downs = group.Select(m => m.Down).Reverse().OfType<MigrationScript>().ToList();
            units.Add(group[0] with
            {
                Version = group[0].Version[..PopxTimestampDigits],
                Up = Joined(group.Select(m => m.Up).ToList()),
                Down = downs.Count == 0 ? null : Joined(downs),
            });
        }

        return units;
    }

    // Parts of one popx migration share a key; every other migration has one of its own.
    private static string Key(Migration migration) =>
        migration.Convention == MigrationConvention.UpDownFiles && migration.Version.Length == PopxVersionDigits && migration.Version.All(char.IsAsciiDigit)
            ? migration.Version[..PopxTimestampDigits]
            : $"{migration.Version}|{migration.Up.Path}";

    // A part may end without its semicolon; an empty statement between parts is harmless.
    private static MigrationScript Joined(IReadOnlyList<MigrationScript> parts) =>
        new(parts[0].Path, parts[0].FirstLine, string.Join("\n;\n", parts.Select(p => p.Sql)));
}
