namespace DbArchitect.Postgres.Parsing;

/// <summary>
/// The server lexer's tokens for a whole script, read one at a time from pg_query_scan's result,
/// without ever failing. Where the lexer stops with an error, the text it rejected becomes one
/// <see cref="Rejected"/> token and scanning resumes after it: an unterminated quote or comment
/// runs to the end of the text, as psql reads it (a comment keeps the comment's token number);
/// other rejected text (<c>1abc</c>, <c>""</c>) runs to the next blank or semicolon. Scanning can
/// also resume at any byte, where a script stops being SQL for a while (psql meta-commands, COPY data).
/// </summary>
internal sealed unsafe class ScriptScanner : IDisposable
{
    /// <summary>The token number of text the lexer rejected.</summary>
    public const int Rejected = -1;

    private readonly Utf8Text _input;
    private PgQueryScanResult _result;
    private bool _holdsResult;
    private int _messagePosition;

    // Byte offset where the text given to the current pg_query_scan began: its offsets count from there.
    private int _segmentStart;

    // What follows the current result's tokens: the rejected text, then where scanning resumes.
    private Utf8Token? _rejected;
    private int _resumeAt;
    private Utf8Token? _peeked;

    public ScriptScanner(Utf8Text input)
    {
        PgQueryNative.Require();
        _input = input;
        ScanFrom(0);
    }

    public bool TryPeek(out Utf8Token token)
    {
        _peeked ??= ReadNext();
        token = _peeked.GetValueOrDefault();
        return _peeked.HasValue;
    }

    public bool TryNext(out Utf8Token token)
    {
        var found = TryPeek(out token);
        _peeked = null;
        return found;
    }

    /// <summary>Drops the tokens before <paramref name="byteOffset"/>; a token that runs across it is scanned again from there.</summary>
    public void SkipTo(int byteOffset)
    {
        while (TryPeek(out var token) && token.Start < byteOffset)
        {
            if (token.End > byteOffset)
            {
                Release();
                (_peeked, _rejected) = (null, null);
                ScanFrom(byteOffset);
                return;
            }

            _peeked = null;
        }
    }

    public void Dispose() => Release();

    private Utf8Token? ReadNext()
    {
        while (true)
        {
            if (_holdsResult)
            {
                var message = new ReadOnlySpan<byte>(_result.Pbuf.Data, checked((int)_result.Pbuf.Len));
                if (ScanResultReader.TryReadToken(message, ref _messagePosition, out var token))
                {
                    return token with { Start = token.Start + _segmentStart, End = token.End + _segmentStart };
                }

                Release();
            }

            if (_rejected is { } rejected)
            {
                _rejected = null;
                if (_resumeAt < _input.Length)
                {
                    ScanFrom(_resumeAt);
                }

                return rejected;
            }

            return null;
        }
    }

    // Scans the text from byteOffset to its end; on an error, scans again only up to the error and
    // keeps the rejected text and where to resume for after that segment's tokens.
    private void ScanFrom(int byteOffset)
    {
        _segmentStart = byteOffset;
        _messagePosition = 0;
        fixed (byte* bytes = _input.Bytes)
        {
            _result = PgQueryNative.Scan(bytes + byteOffset);
            _holdsResult = true;
            if (_result.Error == null)
            {
                return;
            }

            var error = _result.Error;
            var unterminated = StartsWith(error->Message, "unterminated "u8);
            var comment = StartsWith(error->Message, "unterminated /*"u8);
            var at = error->CursorPos > 0 ? _input.ByteOffsetAfter(byteOffset, error->CursorPos - 1) : byteOffset;
            Release();

            var end = unterminated || at >= _input.Length ? _input.Length : RejectedEnd(at);
            _rejected = new Utf8Token(at, end, comment ? SqlScanToken.CComment : Rejected, KeywordKind.None);
            _resumeAt = end;

            // The text before the error is what the lexer read without complaint; scan it alone
            // by ending the C string there for the length of one call.
            var saved = _input.Bytes[at];
            _input.Bytes[at] = 0;
            try
            {
                _result = PgQueryNative.Scan(bytes + byteOffset);
            }
            finally
            {
                _input.Bytes[at] = saved;
            }

            _holdsResult = true;
            if (_result.Error != null)
            {
                // Cannot happen if the lexer is deterministic; if it does, the whole segment is rejected.
                Release();
                _rejected = new Utf8Token(byteOffset, _input.Length, Rejected, KeywordKind.None);
                _resumeAt = _input.Length;
            }
        }
    }

    private int RejectedEnd(int at)
    {
        var end = at + 1;
        while (end < _input.Length && _input.Bytes[end] is not (byte)' ' and not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not (byte)'\f' and not (byte)';')
        {
            end++;
        }

        return end;
    }

    private void Release()
    {
        if (_holdsResult)
        {
            PgQueryNative.FreeScanResult(_result);
            _holdsResult = false;
        }
    }

    // The message may quote megabytes of the text after the error, so it is not measured first.
    private static bool StartsWith(byte* text, ReadOnlySpan<byte> prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (text == null || text[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
