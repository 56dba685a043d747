using System.Text;

namespace DbArchitect.Postgres.Parsing;

/// <summary>
/// A string as libpg_query reads it: NUL-terminated UTF-8, whose byte offsets (split and scan
/// results) and character counts (error positions) are mapped back to offsets into the string.
/// </summary>
internal sealed class Utf8Text
{
    private readonly bool _ascii;
    private int _byteCursor;
    private int _charCursor;

    public Utf8Text(string text)
    {
        Text = text;
        Length = Encoding.UTF8.GetByteCount(text);
        Bytes = new byte[Length + 1];
        Encoding.UTF8.GetBytes(text, Bytes);

        // A C string ends at its first NUL, and the text after one would silently be lost; the
        // server never accepts a NUL in a query anyway, so it is read as a space.
        Bytes.AsSpan(0, Length).Replace((byte)0, (byte)' ');
        _ascii = Length == text.Length;
    }

    public string Text { get; }

    /// <summary>The UTF-8 bytes with a NUL after them.</summary>
    public byte[] Bytes { get; }

    /// <summary>Bytes before the terminating NUL.</summary>
    public int Length { get; }

    /// <summary>The offset into <see cref="Text"/> of a byte offset; fastest when called with offsets that only grow.</summary>
    public int CharOffset(int byteOffset)
    {
        if (_ascii)
        {
            return byteOffset;
        }

        if (byteOffset < _byteCursor)
        {
            (_byteCursor, _charCursor) = (0, 0);
        }

        while (_byteCursor < byteOffset)
        {
            var lead = Bytes[_byteCursor];

            // A four-byte sequence is one code point but two UTF-16 chars (a surrogate pair).
            _charCursor += lead >= 0xF0 ? 2 : 1;
            _byteCursor += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        }

        return _charCursor;
    }

    /// <summary>
    /// The byte offset of the character <paramref name="characters"/> code points after
    /// <paramref name="fromByte"/>: PostgreSQL counts an error's position in characters.
    /// </summary>
    public int ByteOffsetAfter(int fromByte, int characters)
    {
        var offset = fromByte;
        for (var seen = 0; offset < Length && seen < characters; seen++)
        {
            var lead = Bytes[offset];
            offset += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        }

        return Math.Min(offset, Length);
    }
}
