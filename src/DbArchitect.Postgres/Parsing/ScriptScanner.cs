namespace DbArchitect.Postgres.Parsing;

/// <summary>
/// The server lexer's tokens for a whole script, read one at a time from pg_query_scan's results,
/// without ever failing. Where the lexer stops with an error, the text it rejected becomes one
/// <see cref="Rejected"/> token and scanning resumes after it: an unterminated quote or comment
/// runs to the end of the text, as psql reads it (a comment keeps the comment's token number);
/// other rejected text (<c>1abc</c>, <c>""</c>) runs to the next blank or semicolon. Scanning can
/// also resume at any byte, where a script stops being SQL for a while (psql meta-commands, COPY data).
/// </summary>
/// <remarks>
/// pg_query_scan allocates each token of its input apart (some 150 MB at the peak for a 10 MB
/// script), so the text is scanned in chunks of about a megabyte, each ended by a NUL at a line
/// start for the length of one call. A chunk's last token may have been cut there (or, for a
/// string, been followed by a continuation), so it is dropped and the next chunk begins at it.
/// </remarks>
internal sealed unsafe class ScriptScanner : IDisposable
{
    /// <summary>The token number of text the lexer rejected.</summary>
    public const int Rejected = -1;

    private readonly Utf8Text _input;
    private readonly int _chunkBytes;
    private PgQueryScanResult _result;
    private bool _holdsResult;
    private int _messagePosition;

    // Byte offset where the text given to the current pg_query_scan began: its offsets count from there.
    private int _chunkStart;

    // The token read from the result but not yet handed out: the last one of a cut chunk is not.
    private Utf8Token? _lookahead;
    private bool _dropLast;

    // What follows the current result's tokens: rejected text, then the byte where scanning resumes.
    private Utf8Token? _rejected;
    private int _resumeAt;
    private Utf8Token? _peeked;

    /// <param name="input">The script.</param>
    /// <param name="chunkBytes">How much text one pg_query_scan call reads at least; tests make it small.</param>
    public ScriptScanner(Utf8Text input, int chunkBytes = 1 << 20)
    {
        PgQueryNative.Require();
        _input = input;
        _chunkBytes = chunkBytes;
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
                if (ReadFromResult() is { } next)
                {
                    var current = _lookahead;
                    _lookahead = next;
                    if (current is { } token)
                    {
                        return token;
                    }

                    continue;
                }

                Release();
                if (_lookahead is { } last)
                {
                    _lookahead = null;
                    if (!_dropLast)
                    {
                        return last;
                    }

                    _resumeAt = last.Start;
                }
            }

            if (_rejected is { } rejected)
            {
                _rejected = null;
                return rejected;
            }

            if (_resumeAt >= _input.Length)
            {
                return null;
            }

            ScanFrom(_resumeAt);
        }
    }

    private Utf8Token? ReadFromResult()
    {
        var message = new ReadOnlySpan<byte>(_result.Pbuf.Data, checked((int)_result.Pbuf.Len));
        return ScanResultReader.TryReadToken(message, ref _messagePosition, out var token)
            ? token with { Start = token.Start + _chunkStart, End = token.End + _chunkStart }
            : null;
    }

    private void ScanFrom(int offset)
    {
        Release();
        (_peeked, _lookahead, _rejected, _dropLast) = (null, null, null, false);
        for (long size = _chunkBytes; !TryScan(offset, ChunkEnd(offset, size)); size *= 2)
        {
            // The chunk ended inside its first token: take a longer one.
        }
    }

    // Scans [offset, end); false when that yields nothing to go on with before the cut at end.
    private bool TryScan(int offset, int end)
    {
        var cut = end < _input.Length;
        Hold(Scan(offset, end), offset);
        _resumeAt = end;
        if (_result.Error != null)
        {
            return TryRecover(offset, end);
        }

        if (!cut)
        {
            return true;
        }

        var tokens = CountTokens(limit: 2);
        _dropLast = tokens == 2;
        if (tokens < 2)
        {
            Release();
        }

        // Whitespace alone leaves nothing to cut.
        return tokens != 1;
    }

    // The scan of [offset, end) failed: keep the tokens before the error, then the rejected text.
    // In a cut chunk an unterminated quote or comment, or junk that reaches the cut, may be the
    // cut's doing, so the next chunk begins there instead.
    private bool TryRecover(int offset, int end)
    {
        var cut = end < _input.Length;
        var unterminated = StartsWith(_result.Error->Message, "unterminated "u8);
        var comment = StartsWith(_result.Error->Message, "unterminated /*"u8);
        var at = ErrorOffset(offset);
        Release();

        var rejectedEnd = unterminated ? _input.Length : RejectedEnd(at);
        var genuine = !cut || rejectedEnd < end;
        if (!genuine && at <= offset)
        {
            return false;
        }

        _rejected = genuine ? new Utf8Token(at, rejectedEnd, comment ? SqlScanToken.CComment : Rejected, KeywordKind.None) : null;
        _resumeAt = genuine ? rejectedEnd : at;
        if (at <= offset)
        {
            return true;
        }

        // The text before the error is what the lexer read without complaint.
        Hold(Scan(offset, at), offset);
        if (_result.Error == null)
        {
            return true;
        }

        // Cannot happen if the lexer reads a prefix as it read it within the whole; if it does, a
        // cut chunk is taken longer, and the whole rest of the text is rejected.
        Release();
        _rejected = new Utf8Token(offset, _input.Length, Rejected, KeywordKind.None);
        _resumeAt = _input.Length;
        return !cut;
    }

    private int ErrorOffset(int offset) =>
        _result.Error->CursorPos > 0 ? _input.ByteOffsetAfter(offset, _result.Error->CursorPos - 1) : offset;

    // Scans the bytes from offset to end, by ending the C string at end for the length of the call.
    private PgQueryScanResult Scan(int offset, int end)
    {
        fixed (byte* bytes = _input.Bytes)
        {
            var saved = bytes[end];
            bytes[end] = 0;
            try
            {
                return PgQueryNative.Scan(bytes + offset);
            }
            finally
            {
                bytes[end] = saved;
            }
        }
    }

    private void Hold(PgQueryScanResult result, int offset)
    {
        (_result, _holdsResult, _messagePosition, _chunkStart) = (result, true, 0, offset);
    }

    private int CountTokens(int limit)
    {
        var message = new ReadOnlySpan<byte>(_result.Pbuf.Data, checked((int)_result.Pbuf.Len));
        var (position, count) = (0, 0);
        while (count < limit && ScanResultReader.TryReadToken(message, ref position, out _))
        {
            count++;
        }

        return count;
    }

    private int ChunkEnd(int offset, long size)
    {
        if (size >= _input.Length - offset)
        {
            return _input.Length;
        }

        var from = offset + (int)size;
        var newline = _input.Bytes.AsSpan(from, _input.Length - from).IndexOf((byte)'\n');
        return newline < 0 ? _input.Length : from + newline + 1;
    }

    private int RejectedEnd(int at)
    {
        var end = Math.Min(at + 1, _input.Length);
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
