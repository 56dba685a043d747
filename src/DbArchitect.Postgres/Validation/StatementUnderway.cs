using System.Text;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// The statement <see cref="SqlScript"/> is reading, and psql's rules for whether a semicolon ends
/// it (psqlscan.l): not inside parentheses (<c>CREATE RULE … DO (…; …)</c>), and not inside the
/// <c>BEGIN … END</c> of a statement that starts <c>CREATE [OR REPLACE] FUNCTION|PROCEDURE</c>
/// (a SQL-standard body, <c>BEGIN ATOMIC</c>), where CASE … END nests as well.
/// </summary>
internal sealed class StatementUnderway
{
    private readonly Utf8Text _input;
    private readonly List<Utf8Token> _comments = [];

    // psql remembers the first letters of the statement's first four words when they are CREATE,
    // OR, REPLACE, FUNCTION or PROCEDURE, which is all it needs to recognise a routine.
    private readonly char[] _leadingWords = new char[4];
    private int _words;
    private int _parentheses;
    private int _begins;
    private bool _copy;
    private bool _afterFrom;

    public StatementUnderway(Utf8Text input) => _input = input;

    /// <summary>Byte offset of the statement's first token, or -1 before it has one.</summary>
    public int Start { get; private set; } = -1;

    public bool Started => Start >= 0;

    /// <summary>True when a semicolon here would end the statement.</summary>
    public bool Closable => _parentheses == 0 && _begins == 0;

    /// <summary>A <c>COPY … FROM STDIN</c>, whose data lines follow it in the script.</summary>
    public bool CopiesFromStdin { get; private set; }

    public void Add(Utf8Token token)
    {
        if (token.IsComment)
        {
            // A comment before the first token is simply not part of the statement.
            if (Started)
            {
                _comments.Add(token);
            }

            return;
        }

        if (!Started)
        {
            Start = token.Start;
        }

        var afterFrom = _afterFrom;
        _afterFrom = false;
        switch (token.Token)
        {
            case '(':
                _parentheses++;
                break;
            case ')' when _parentheses > 0:
                _parentheses--;
                break;
            default:
                if (IsWord(token))
                {
                    AddWord(_input.Bytes.AsSpan(token.Start, token.End - token.Start), afterFrom);
                }

                break;
        }
    }

    /// <summary>The statement's text up to <paramref name="endByte"/>, comments blanked out, trimmed; then forgets it.</summary>
    public string Finish(int endByte)
    {
        var start = _input.CharOffset(Start);
        string text;
        if (_comments.Count == 0)
        {
            text = _input.Text.AsSpan(start, _input.CharOffset(endByte) - start).Trim().ToString();
        }
        else
        {
            var blanked = new StringBuilder();
            foreach (var comment in _comments)
            {
                blanked.Append(_input.Text, start, _input.CharOffset(comment.Start) - start).Append(' ');
                start = _input.CharOffset(comment.End);
            }

            blanked.Append(_input.Text, start, _input.CharOffset(endByte) - start);
            text = blanked.ToString().Trim();
        }

        Reset();
        return text;
    }

    private void Reset()
    {
        _comments.Clear();
        Array.Clear(_leadingWords);
        (Start, _words, _parentheses, _begins, _copy, _afterFrom, CopiesFromStdin) = (-1, 0, 0, 0, false, false, false);
    }

    // What psql's lexer calls an identifier: a keyword or an unquoted name.
    private bool IsWord(Utf8Token token) =>
        token.Keyword != KeywordKind.None || token.Token == SqlScanToken.Identifier && _input.Bytes[token.Start] != (byte)'"';

    private void AddWord(ReadOnlySpan<byte> word, bool afterFrom)
    {
        if (_words < _leadingWords.Length && IsRoutineWord(word))
        {
            _leadingWords[_words] = (char)(word[0] | 0x20);
        }

        _words++;
        if (IsRoutine() && _parentheses == 0)
        {
            if (Ascii.EqualsIgnoreCase(word, "begin"u8))
            {
                _begins++;
            }
            else if (Ascii.EqualsIgnoreCase(word, "case"u8) && _begins > 0)
            {
                _begins++;
            }
            else if (Ascii.EqualsIgnoreCase(word, "end"u8) && _begins > 0)
            {
                _begins--;
            }
        }

        _copy |= _words == 1 && Ascii.EqualsIgnoreCase(word, "copy"u8);
        CopiesFromStdin |= _copy && afterFrom && _parentheses == 0 && Ascii.EqualsIgnoreCase(word, "stdin"u8);
        _afterFrom = Ascii.EqualsIgnoreCase(word, "from"u8);
    }

    private bool IsRoutine() =>
        _leadingWords[0] == 'c'
        && (_leadingWords[1] is 'f' or 'p' || _leadingWords[1] == 'o' && _leadingWords[2] == 'r' && _leadingWords[3] is 'f' or 'p');

    private static bool IsRoutineWord(ReadOnlySpan<byte> word) =>
        Ascii.EqualsIgnoreCase(word, "create"u8) || Ascii.EqualsIgnoreCase(word, "or"u8) || Ascii.EqualsIgnoreCase(word, "replace"u8)
        || Ascii.EqualsIgnoreCase(word, "function"u8) || Ascii.EqualsIgnoreCase(word, "procedure"u8);
}
