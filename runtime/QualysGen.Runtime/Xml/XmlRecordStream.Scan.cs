using System;
using System.Collections.Generic;
using System.Text;

namespace QualysGen.Xml;

// The scan: the markup followed byte by byte outside the records, each record's end found with vectorized searches, the
// records' start tags counted, and whitespace between records taken out of the buffer.
public sealed partial class XmlRecordStream
{
    /// <summary>
    /// Decides from the first bytes whether markup can be found byte by byte: not for UTF-16/32 (a byte order mark or
    /// zero bytes) nor for a declared encoding outside the ASCII-compatible ones. Otherwise the response is read whole.
    /// </summary>
    private void CheckEncoding()
    {
        var bytes = _buffer.AsSpan(0, _end);
        if (bytes.Length < 4 && !_ended)
        {
            return;
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) || bytes[0] == 0 || bytes[1] == 0))
        {
            _wholeDocument = true;
        }
        else
        {
            var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
            _lines.ContinueAt(start);   // a byte order mark is no character of the first line
            if (!_ended && bytes.Length < start + 5 && "\uFEFF<?xml"u8.Slice(3 - start).StartsWith(bytes))
            {
                // Too few bytes yet to tell whether an XML declaration (which may name the encoding) begins here.
                return;
            }

            if (bytes.Slice(start).StartsWith("<?xml"u8))
            {
                var end = bytes.Slice(start).IndexOf("?>"u8);
                if (end < 0)
                {
                    if (!_ended && bytes.Length < DeclarationLimit)
                    {
                        return;
                    }

                    _wholeDocument = true;
                }
                else
                {
                    _wholeDocument = !IsAsciiCompatible(bytes.Slice(start, end), out _encodingName);
                    // Other than UTF-8, the encodings the scan reads (Latin-1, windows-125x, ASCII) are one byte a character.
                    _lines.OneBytePerCharacter = _encodingName is not null and not ("utf-8" or "utf8");
                }
            }
        }

        _checkedEncoding = true;
    }

    private static bool IsAsciiCompatible(ReadOnlySpan<byte> declaration, out string? name)
    {
        name = null;
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return true;   // no declaration of encoding: UTF-8
        }

        var rest = declaration.Slice(at + 8);
        var open = rest.IndexOfAny((byte)'"', (byte)'\'');
        if (open < 0)
        {
            return false;
        }

        var quote = rest[open];
        rest = rest.Slice(open + 1);
        var close = rest.IndexOf(quote);
        name = Encoding.ASCII.GetString(close < 0 ? rest : rest.Slice(0, close)).Trim().ToLowerInvariant();
        // The code pages beyond Latin-1 decode because CodePageEncodings registers them (issue 13.10); here only ASCII-compatibility matters.
        return name is "utf-8" or "utf8" or "us-ascii" or "ascii" or "latin1"
            || name.StartsWith("iso-8859-", StringComparison.Ordinal)
            || name.StartsWith("windows-125", StringComparison.Ordinal);
    }

    /// <summary>Follows the markup from <see cref="_scan"/> to the end of the bytes read, and stops in the middle of a token when they end there.</summary>
    private void Scan()
    {
        var bytes = _buffer;
        while (_scan < _end)
        {
            switch (_state)
            {
                case State.Content:
                {
                    if (!_inText)
                    {
                        // Between records: in the elements that hold them, or outside the root.
                        _inText = _textIsWhitespace = true;
                        _textBetweenRecords = _matched == _depth && _depth < _path.Length;
                        _textStart = _whitespaceTo = _scan;
                    }

                    var at = bytes.AsSpan(_scan, _end - _scan).IndexOf((byte)'<');
                    var textEnd = at < 0 ? _end : _scan + at;
                    if (_textIsWhitespace && _textBetweenRecords)
                    {
                        textEnd = CollapseWhitespace(textEnd, textEnds: at >= 0);
                    }

                    if (at < 0)
                    {
                        _scan = _end;
                        return;
                    }

                    _inText = false;
                    _tokenStart = textEnd;
                    _scan = _tokenStart + 1;
                    _state = State.Open;
                    break;
                }

                case State.Open:
                    switch (bytes[_scan])
                    {
                        case (byte)'/':
                            _state = State.EndTag;
                            _scan++;
                            break;
                        case (byte)'?':
                            _state = State.ProcessingInstruction;
                            _scan++;
                            break;
                        case (byte)'!':
                            _state = State.Bang;
                            _scan++;
                            break;
                        default:
                            _state = State.StartTag;
                            _quote = 0;
                            break;
                    }

                    break;

                case State.Bang:
                    // "<!--", "<![CDATA[" or a declaration ("<!DOCTYPE"): decided on the first bytes after "<!".
                    if (_end - _tokenStart < 4)
                    {
                        return;
                    }

                    if (bytes[_tokenStart + 2] == '-' && bytes[_tokenStart + 3] == '-')
                    {
                        _state = State.Comment;
                        _scan = _tokenStart + 4;
                    }
                    else if (bytes[_tokenStart + 2] == '[')
                    {
                        if (_end - _tokenStart < 9)
                        {
                            return;
                        }

                        _state = State.CData;
                        _scan = _tokenStart + 9;
                    }
                    else
                    {
                        _state = State.Declaration;
                        _scan = _tokenStart + 2;
                        _quote = 0;
                        _brackets = 0;
                    }

                    break;

                case State.Comment:
                    if (!SkipTo("-->"u8))
                    {
                        return;
                    }

                    break;

                case State.CData:
                    if (!SkipTo("]]>"u8))
                    {
                        return;
                    }

                    break;

                case State.ProcessingInstruction:
                    if (!SkipTo("?>"u8))
                    {
                        return;
                    }

                    break;

                case State.EndTag:
                {
                    var at = bytes.AsSpan(_scan, _end - _scan).IndexOf((byte)'>');
                    if (at < 0)
                    {
                        _scan = _end;
                        return;
                    }

                    _scan += at + 1;
                    _state = State.Content;
                    EndElement(_scan);
                    break;
                }

                case State.StartTag:
                {
                    // From quote to quote with vectorized searches: a '>' inside an attribute value does not end the tag.
                    if (!SkipToTagEnd())
                    {
                        return;
                    }

                    var selfClosing = bytes[_scan - 1] == '/';
                    _longestTag = Math.Max(_longestTag, _scan - _tokenStart);
                    var record = StartElement(selfClosing);
                    _scan++;
                    _state = State.Content;
                    if (record && !selfClosing)
                    {
                        _firstRecordBody = Math.Min(_firstRecordBody, _shifted + _scan);
                        // Inside a record nothing else is counted: its end is found with a few searches (see SkipRecordBody).
                        SetRecordName(QualifiedName());
                        _tokenStart = _checkedTo = _scan;
                        _state = State.RecordBody;
                    }

                    break;
                }

                case State.RecordBody:
                    if (!SkipRecordBody())
                    {
                        return;
                    }

                    break;

                case State.Declaration:
                    // Rare (a DOCTYPE): byte by byte, with its internal subset in brackets. In the subset, quotes are literals'
                    // only outside comments and PIs, which are skipped whole ("<!-- don't -->" is a valid comment there).
                    for (; _scan < _end; _scan++)
                    {
                        var b = bytes[_scan];
                        if (_quote != 0)
                        {
                            if (b == _quote)
                            {
                                _quote = 0;
                            }
                        }
                        else if (b is (byte)'"' or (byte)'\'')
                        {
                            _quote = b;
                        }
                        else if (b == '[')
                        {
                            _brackets++;
                        }
                        else if (b == ']')
                        {
                            _brackets--;
                        }
                        else if (b == '>' && _brackets <= 0)
                        {
                            break;
                        }
                        else if (b == '<' && _brackets > 0)
                        {
                            if (_end - _scan < 4)
                            {
                                return;   // decided when the next bytes arrive
                            }

                            if (bytes.AsSpan(_scan, 4).SequenceEqual("<!--"u8))
                            {
                                _scan += 4;
                                _state = State.DeclarationComment;
                                break;
                            }

                            if (bytes[_scan + 1] == '?')
                            {
                                _scan += 2;
                                _state = State.DeclarationProcessingInstruction;
                                break;
                            }
                        }
                    }

                    if (_state != State.Declaration)
                    {
                        break;
                    }

                    if (_scan == _end)
                    {
                        return;
                    }

                    _scan++;
                    _state = State.Content;
                    break;

                case State.DeclarationComment:
                    if (!SkipTo("-->"u8, State.Declaration))
                    {
                        return;
                    }

                    break;

                case State.DeclarationProcessingInstruction:
                    if (!SkipTo("?>"u8, State.Declaration))
                    {
                        return;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Takes the whitespace of the text being scanned, up to <paramref name="textEnd"/>, out of the buffer once there is
    /// <see cref="CollapseThreshold"/> of it, and owes the reader a run of line breaks and spaces in its place, so that a
    /// response padded between its records does not fill memory. The reader sees as many line breaks (CR LF and CR count
    /// as one, as it counts them) and as many characters after the last one: the same lines and positions for all that
    /// follows. Only where whitespace is not data: in the elements that hold the records, and outside the root, where the
    /// generated parsers skip text. What the reader sees does not depend on how the bytes arrived: once a run is begun, the
    /// rest of the whitespace joins it when the text ends (<paramref name="textEnds"/>: at markup or at the end of the
    /// response), and the reader is not given the text until then (<see cref="Deliverable"/>). Returns where the text now
    /// ends.
    /// </summary>
    private int CollapseWhitespace(int textEnd, bool textEnds)
    {
        if (_buffer.AsSpan(_whitespaceTo, textEnd - _whitespaceTo).IndexOfAnyExcept(" \t\r\n"u8) >= 0)
        {
            _textIsWhitespace = false;
            return textEnd;
        }

        _whitespaceTo = textEnd;
        var from = Math.Max(_textStart, _read);
        // A CR at the end stays a byte: an LF may follow it in the next bytes (one line break with it).
        var to = !textEnds && textEnd > from && _buffer[textEnd - 1] == '\r' ? textEnd - 1 : textEnd;

        // The run this whitespace continues, if the last one is still owed and ends here.
        var run = _runs.Count > 0 && _lastRun!.Offset == from ? _lastRun : null;
        if (to - from < (run is not null && textEnds ? 1 : CollapseThreshold) || _readingAhead)
        {
            // Too short yet; or a read runs into the buffer (what TryTakeWhole left), and bytes may not move under it: the
            // whitespace stays as it came, which the reader counts as it counts a run owed to it.
            return textEnd;
        }

        if (_batches is not null)
        {
            // A batch holds bytes as they came: it ends before whitespace taken out of the buffer, and lines are counted first.
            CloseBatch();
            _lines.CountTo(_buffer, to);
            _lines.ContinueAt(from);
        }

        if (run is null)
        {
            _lastRun = run = new OwedRun { Offset = from };
            _runs.Enqueue(run);
        }

        run.Add(_buffer.AsSpan(from, to - from));
        _collapsedAt = _shifted + from;
        var removed = to - from;
        Buffer.BlockCopy(_buffer, to, _buffer, from, _end - to);
        _end -= removed;
        _scan = Math.Min(_scan, from);
        _textStart = from;
        _whitespaceTo = textEnd - removed;
        return textEnd - removed;
    }

    /// <summary>
    /// What the reader is owed at <see cref="Offset"/> in the buffer instead of bytes: whitespace taken out (<see cref="Breaks"/>
    /// LFs, then <see cref="Spaces"/> spaces), or a batch's placeholder (<see cref="Prefix"/>, the batch's line breaks and
    /// spaces, in place of the <see cref="Skip"/> bytes of the batch).
    /// </summary>
    private sealed class OwedRun
    {
        private bool _afterCr;

        public int Offset { get; set; }

        /// <summary>For a batch's placeholder: the element written first.</summary>
        public byte[] Prefix { get; init; } = [];

        /// <summary>For a batch's placeholder: the bytes of the batch, skipped once the placeholder is written.</summary>
        public int Skip { get; init; }

        public long Breaks { get; set; }

        public long Spaces { get; set; }

        private int _prefixWritten;

        /// <summary>Whether this is a batch's placeholder whose element the reader has not been given whole yet.</summary>
        public bool PlaceholderPending => _prefixWritten < Prefix.Length;

        public long Length => Prefix.Length - _prefixWritten + Breaks + Spaces;

        public void Add(ReadOnlySpan<byte> whitespace)
        {
            foreach (var b in whitespace)
            {
                if (b == '\n' && _afterCr)
                {
                    _afterCr = false;   // CR LF: one line break
                }
                else if (b is (byte)'\r' or (byte)'\n')
                {
                    Breaks++;
                    Spaces = 0;
                    _afterCr = b == '\r';
                }
                else
                {
                    Spaces++;
                    _afterCr = false;
                }
            }
        }

        public int WriteTo(Span<byte> buffer)
        {
            var prefix = Math.Min(buffer.Length, Prefix.Length - _prefixWritten);
            Prefix.AsSpan(_prefixWritten, prefix).CopyTo(buffer);
            _prefixWritten += prefix;
            buffer = buffer.Slice(prefix);
            var breaks = (int)Math.Min(buffer.Length, Breaks);
            buffer.Slice(0, breaks).Fill((byte)'\n');
            var spaces = (int)Math.Min(buffer.Length - breaks, Spaces);
            buffer.Slice(breaks, spaces).Fill((byte)' ');
            Breaks -= breaks;
            Spaces -= spaces;
            return prefix + breaks + spaces;
        }
    }

    /// <summary>Moves <see cref="_scan"/> onto the '>' that ends the start tag, or returns false at the end of the bytes (the quote state kept).</summary>
    private bool SkipToTagEnd()
    {
        while (true)
        {
            var rest = _buffer.AsSpan(_scan, _end - _scan);
            if (_quote != 0)
            {
                var close = rest.IndexOf(_quote);
                if (close < 0)
                {
                    _scan = _end;
                    return false;
                }

                _quote = 0;
                _scan += close + 1;
                continue;
            }

            var at = rest.IndexOfAny((byte)'>', (byte)'"', (byte)'\'');
            if (at < 0)
            {
                _scan = _end;
                return false;
            }

            _scan += at;
            if (_buffer[_scan] == '>')
            {
                return true;
            }

            _quote = _buffer[_scan];
            _scan++;
        }
    }

    /// <summary>
    /// Moves past <paramref name="terminator"/> and on to state <paramref name="next"/>, or returns false at the end of the
    /// bytes, to look again from there when more arrive.
    /// </summary>
    private bool SkipTo(ReadOnlySpan<byte> terminator, State next = State.Content)
    {
        var at = _buffer.AsSpan(_scan, _end - _scan).IndexOf(terminator);
        if (at < 0)
        {
            // The terminator may begin in the last bytes.
            _scan = Math.Max(_scan, _end - (terminator.Length - 1));
            return false;
        }

        _scan += at + terminator.Length;
        _state = next;
        return true;
    }

    /// <summary>
    /// Inside a record (its content begins at <see cref="_tokenStart"/>), finds the record's end tag with vectorized searches
    /// instead of following every tag: a search for the end tag, then a walk from one CDATA section, comment or PI to the
    /// next (each skipped whole, so what they hold does not count) that checks the bytes between them hold no start tag of
    /// the record's name (so the end tag is not a nested element's). Outside those sections every '&lt;' begins a tag: it
    /// cannot stand raw in text or attribute values. A record the walk cannot vouch for (a nested element of the record's
    /// name, other "&lt;!" markup) is followed tag by tag from its start like the rest of the markup. Returns false when
    /// the bytes end first, to go on from <see cref="_scan"/> and <see cref="_checkedTo"/> when more arrive.
    /// </summary>
    private bool SkipRecordBody()
    {
        var end = _recordEnd;
        while (true)
        {
            var at = _buffer.AsSpan(_scan, _end - _scan).IndexOf(end);
            if (at < 0)
            {
                // The end tag may begin in the last bytes.
                _scan = Math.Max(_scan, _end - end.Length + 1);
                return false;
            }

            var tag = _scan + at;
            var after = tag + end.Length;
            if (after == _end)
            {
                _scan = tag;
                return false;
            }

            if (!IsNameEnd(_buffer[after]))
            {
                _scan = tag + 1;   // a longer name that begins with the record's ("</SCAN_TYPE")
                continue;
            }

            switch (CheckContent(tag))
            {
                case Content.Tags:
                    _tokenStart = tag;
                    _scan = after;
                    _state = State.EndTag;
                    return true;
                case Content.EndTagInSection:
                    _scan = Math.Max(tag + 1, _checkedTo);
                    continue;
                case Content.Incomplete:
                    _scan = tag;
                    return false;
                default:
                    _scan = _tokenStart;
                    _state = State.Content;
                    return true;
            }
        }
    }

    private enum Content
    {
        Tags,
        EndTagInSection,
        Incomplete,
        Unsure,
    }

    /// <summary>
    /// Walks the record's content from <see cref="_checkedTo"/> to the end tag found at <paramref name="tag"/>, skipping CDATA
    /// sections, comments and PIs, and advances <see cref="_checkedTo"/> past what it has vouched for.
    /// </summary>
    private Content CheckContent(int tag)
    {
        // Most records hold no start tag of their own name at all: one search over the whole content says so, and the
        // stretches between sections need no search of their own. (A name cut short by a section's '<' counts as one.)
        var content = _buffer.AsSpan(_checkedTo, tag - _checkedTo);
        var startTags = HasRecordStartTag(content, endsBeforeMarkup: true);
        if (!startTags && content.IndexOf("<?"u8) < 0 && content.IndexOf("<!--"u8) < 0)
        {
            // No PI, no comment: the only sections are CDATA sections, and the end tag is in one only if the last to begin
            // before it is still open (a CDATA section cannot hold "]]>": the first after its start ends it). Two searches
            // instead of two for every section. Other "<!" markup cannot stand in an element: the reader fails on it.
            var last = content.LastIndexOf("<![CDATA["u8);
            if (last < 0 || content.Slice(last + 9).IndexOf("]]>"u8) >= 0)
            {
                _checkedTo = tag;
                return Content.Tags;
            }
        }

        var nextPi = -1;   // not yet searched
        while (true)
        {
            var rest = _buffer.AsSpan(_checkedTo, tag - _checkedTo);
            var bang = rest.IndexOf("<!"u8);
            if (nextPi < _checkedTo)
            {
                var pi = rest.IndexOf("<?"u8);
                nextPi = pi < 0 ? int.MaxValue : _checkedTo + pi;
            }

            var section = bang < 0 ? nextPi : Math.Min(_checkedTo + bang, nextPi);
            if (section == int.MaxValue)
            {
                if (startTags && HasRecordStartTag(rest))
                {
                    return Content.Unsure;
                }

                _checkedTo = tag;
                return Content.Tags;
            }

            if (startTags && HasRecordStartTag(_buffer.AsSpan(_checkedTo, section - _checkedTo)))
            {
                return Content.Unsure;
            }

            _checkedTo = section;
            ReadOnlySpan<byte> terminator;
            int from;
            if (_buffer[section + 1] == '?')
            {
                terminator = "?>"u8;
                from = section + 2;
            }
            else if (_end - section < 9)
            {
                return Content.Incomplete;
            }
            else if (_buffer.AsSpan(section, 4).SequenceEqual("<!--"u8))
            {
                terminator = "-->"u8;
                from = section + 4;
            }
            else if (_buffer.AsSpan(section, 9).SequenceEqual("<![CDATA["u8))
            {
                terminator = "]]>"u8;
                from = section + 9;
            }
            else
            {
                return Content.Unsure;
            }

            var close = _buffer.AsSpan(from, _end - from).IndexOf(terminator);
            if (close < 0)
            {
                return Content.Incomplete;
            }

            _checkedTo = from + close + terminator.Length;
            if (_checkedTo > tag)
            {
                return Content.EndTagInSection;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="content"/> (free of CDATA, comments and PIs) holds a start tag of the record's name; with
    /// <paramref name="endsBeforeMarkup"/>, also a name followed by '&lt;' (the end of a stretch that a section follows).
    /// </summary>
    private bool HasRecordStartTag(ReadOnlySpan<byte> content, bool endsBeforeMarkup = false)
    {
        var start = _recordStart;
        while (true)
        {
            var at = content.IndexOf(start);
            if (at < 0)
            {
                return false;
            }

            // The content is followed by more markup, so a name running to its last byte is not known to be the record's.
            // An empty element ("<SCAN/>") has no end tag to be mistaken for the record's, but is not told apart here.
            var after = at + start.Length;
            if (after >= content.Length || IsNameEnd(content[after]) || (endsBeforeMarkup && content[after] == '<'))
            {
                return true;
            }

            content = content.Slice(at + 1);
        }
    }

    private static bool IsNameEnd(byte b) => b is (byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/';

    private void SetRecordName(ReadOnlySpan<byte> name)
    {
        if (_recordStart.Length == name.Length + 1 && _recordStart.AsSpan(1).SequenceEqual(name))
        {
            return;
        }

        _recordStart = new byte[name.Length + 1];
        _recordStart[0] = (byte)'<';
        name.CopyTo(_recordStart.AsSpan(1));
        _recordEnd = new byte[name.Length + 2];
        _recordEnd[0] = (byte)'<';
        _recordEnd[1] = (byte)'/';
        name.CopyTo(_recordEnd.AsSpan(2));
    }

    /// <summary>Counts an element opened; returns whether it is a record.</summary>
    private bool StartElement(bool selfClosing)
    {
        _depth++;
        var record = false;
        if (_matched == _depth - 1 && _depth <= _path.Length && NameIs(_path[_depth - 1]))
        {
            _matched = _depth;
            var name = QualifiedName();
            _longestPathName = Math.Max(_longestPathName, name.Length);
            if (_pathNames[_depth - 1] is not { } known || !name.SequenceEqual(known))
            {
                _pathNames[_depth - 1] = name.ToArray();
            }
            if (_depth == _path.Length)
            {
                record = true;
                if (!_tracking || _hiddenDepth == 0)
                {
                    // Counted as the cursor counts the records it stops at (see FillAsync): not those of a container it skips,
                    // which its reader skips without a stop, so a fill must go past them to the next record or the end.
                    _recordStarts++;
                    if (!_fillsWindow)
                    {
                        // Only fills read them (a synchronous Parse in split mode fills in its reads, by the window alone).
                        _recordStartEnds.Enqueue(new RecordStop(_received - _end + _scan + 1, _shifted + _scan + 1));
                    }
                }

                if (_tracking && _hiddenDepth == 0)
                {
                    _openOrdinal = ++_visibleRecords;
                    _openStart = _shifted + _tokenStart;
                }

                if (_batches is not null)
                {
                    StartRecordToCut();
                }
            }
            else if (_tracking && _hiddenDepth == 0)
            {
                // A container: the cursor skips a repeat of one the schema allows once, and the records in it.
                var level = _depth - 1;
                if (_seen[level] && !_repeatable[level])
                {
                    _hiddenDepth = _depth;
                }
                else
                {
                    _seen[level] = true;
                    Array.Clear(_seen, level + 1, _seen.Length - level - 1);
                }
            }

            if (!record && (_batches is not null || _pending is not null))
            {
                ReadAncestorScope(_depth - 1);
            }
        }

        if (!record && _open is not null && _depth <= _path.Length)
        {
            // Something other than a record among the records: a batch holds consecutive records only.
            CloseBatch();
        }

        if (selfClosing)
        {
            EndElement(_scan + 1);
        }

        return record;
    }

    /// <summary>Counts an element closed; <paramref name="end"/> is the offset just past its end tag (or empty-element tag).</summary>
    private void EndElement(int end)
    {
        // An end tag with no element open ("</a><ROOT>") is not well-formed: the reader reports it; the count stays sane.
        if (_depth == 0)
        {
            return;
        }

        if (_matched == _depth)
        {
            if (_depth == _path.Length && _splitRecordStart >= 0)
            {
                _openOrdinal = 0;   // cut out: the cursor takes it from its batch, never from the bytes
                RecordCut(_shifted + end);
            }
            else if (_openOrdinal != 0 && _depth == _path.Length)
            {
                RecordEnded(_shifted + end);
            }

            _matched--;
        }

        if (_open is not null && _depth < _path.Length)
        {
            CloseBatch();   // the records' container ends
        }

        if (_depth == _hiddenDepth)
        {
            _hiddenDepth = 0;
        }

        _depth--;
    }

    private void RecordEnded(long end)
    {
        if (_openOrdinal == _currentOrdinal)
        {
            _currentEnd = end;
        }
        else
        {
            _spans.Enqueue(new RecordSpan(_openOrdinal, _openStart, end));
        }

        _openOrdinal = 0;
    }
}
