namespace DbArchitect.Postgres.Parsing;

/// <summary>
/// Reads pg_query_scan's protobuf without a protobuf library, since only two messages are needed:
/// <c>ScanResult { int32 version = 1; repeated ScanToken tokens = 2; }</c> and
/// <c>ScanToken { int32 start = 1; int32 end = 2; Token token = 4; KeywordKind keyword_kind = 5; }</c>
/// (libpg_query's protobuf/pg_query.proto). Fields equal to 0 are absent on the wire, as proto3 writes them.
/// </summary>
internal static class ScanResultReader
{
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    /// <summary>The next token from <paramref name="position"/> on, or false at the end of the message.</summary>
    public static bool TryReadToken(ReadOnlySpan<byte> message, ref int position, out Utf8Token token)
    {
        while (position < message.Length)
        {
            var (field, wireType) = ReadTag(message, ref position);
            if (field == 2 && wireType == LengthDelimited)
            {
                var length = checked((int)ReadVarint(message, ref position));
                token = ReadScanToken(message.Slice(position, length));
                position += length;
                return true;
            }

            Skip(message, ref position, wireType);
        }

        token = default;
        return false;
    }

    private static Utf8Token ReadScanToken(ReadOnlySpan<byte> message)
    {
        var (start, end, kind, keyword) = (0, 0, 0, 0);
        var position = 0;
        while (position < message.Length)
        {
            var (field, wireType) = ReadTag(message, ref position);
            if (wireType != Varint)
            {
                Skip(message, ref position, wireType);
                continue;
            }

            var value = (int)ReadVarint(message, ref position);
            switch (field)
            {
                case 1: start = value; break;
                case 2: end = value; break;
                case 4: kind = value; break;
                case 5: keyword = value; break;
            }
        }

        return new Utf8Token(start, end, kind, (KeywordKind)keyword);
    }

    private static (int Field, int WireType) ReadTag(ReadOnlySpan<byte> message, ref int position)
    {
        var tag = ReadVarint(message, ref position);
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("pg_query_scan returned a malformed varint");
    }

    private static void Skip(ReadOnlySpan<byte> message, ref int position, int wireType)
    {
        switch (wireType)
        {
            case Varint: ReadVarint(message, ref position); break;
            case Fixed64: position += 8; break;
            case LengthDelimited: position += checked((int)ReadVarint(message, ref position)); break;
            case Fixed32: position += 4; break;
            default: throw new InvalidDataException($"pg_query_scan returned an unknown wire type {wireType}");
        }
    }
}
