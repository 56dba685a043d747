using DbArchitect.Postgres.Catalog.Reading;

namespace DbArchitect.Postgres.Tests.Catalog;

public sealed class SettingBytesTests
{
    [Theory]
    [InlineData("16384", "8kB", 134_217_728L)]
    [InlineData("4096", "kB", 4_194_304L)]
    [InlineData("64", "MB", 67_108_864L)]
    [InlineData("16777216", "B", 16_777_216L)]
    public void Memory_settings_convert_to_bytes(string value, string unit, long bytes) =>
        Assert.Equal(bytes, SettingQuery.ToBytes(value, unit));

    [Theory]
    [InlineData("-1", "kB")]
    [InlineData("30000", "ms")]
    [InlineData("on", null)]
    public void Unset_or_non_memory_settings_have_no_byte_size(string value, string? unit) =>
        Assert.Null(SettingQuery.ToBytes(value, unit));
}
