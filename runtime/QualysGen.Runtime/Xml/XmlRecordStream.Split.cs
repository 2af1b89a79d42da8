using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace QualysGen.Xml;

// Split mode: runs of records cut out of the response in batches for XmlRecordBatches, a placeholder in their place, and
// what the workers need to read them as the reader would (line and column, the ancestors' namespaces and xml:space).
public sealed partial class XmlRecordStream
{
    private XmlRecordBatches? _batches;
    private XmlRecordBatches? _pending;  // split mode to begin once _pendingAfter bytes have been received (see Split)
    private long _pendingAfter;
    private long _collapsedAt = -1;      // where whitespace was last taken out of the buffer (kept position), or -1
    private bool _fillsWindow;          // Read tops the window up synchronously (a synchronous Parse), not FillAsync
    private int _window;                // how many bytes to hold ahead of the reader, for the workers
    private int _batchBytes;            // the size a batch is cut at
    private bool _batchesGrow;          // ... sized anew for what has been received (a synchronous Parse of unknown length)
    private OpenBatch? _open;           // records scanned whole and not dispatched yet
    private readonly List<int> _bounds = new(); // the open batch's records: start and end of each, from the batch's start
    private SharedBytes? _lent;         // the buffer, once lent to a batch: not written to while a batch holds it
    private readonly List<SharedBytes> _retired = new();   // buffers moved off while batches read them, reused once they let go
    private readonly string _batchToken = Convert.ToHexString(BitConverter.GetBytes(Random.Shared.NextInt64()));
    private int _batchNumber;
    private long _splitRecordStart = -1;    // where the record being scanned, to be cut out, began (absolute); -1 if none
    private byte[] _splitName = [];
    private (string Prefix, string Uri)[][] _levelNamespaces = [];
    private System.Xml.XmlSpace[] _levelSpaces = [];
    private bool[] _levelUnsplittable = [];
    private byte[]?[] _levelTags = [];   // before split mode: the start tags of the records' containers that declare a scope
    private readonly XmlLineCounter _lines = new();   // where the bytes scanned so far end, in lines and columns

    /// <summary>
    /// Turns on split mode: each run of consecutive records in the response (up to <see cref="XmlRecordBatches.BatchBytesFor"/>)
    /// is cut out as it is scanned and handed to <paramref name="batches"/>, and the reader gets in its place an empty element
    /// of the record's name followed by the run's line breaks and the spaces that bring the column to where the run ended,
    /// so that every position the reader reports after it is the response's. A record is not cut out (the reader reads it) when
    /// it is the last and the response ends inside it, when its name has a prefix, or when it lies in a container that the
    /// cursor skips or whose namespace declarations cannot be read.
    /// </summary>
    /// <param name="batches">Where batches go.</param>
    /// <param name="synchronous">Whether the reader's reads keep the window of bytes ahead full (a synchronous <c>Parse</c>);
    /// otherwise <see cref="FillAsync"/> does.</param>
    /// <param name="after">For a record stream (not <paramref name="synchronous"/>): 0 to cut from the first record, or how many
    /// bytes of the response to receive first (a response whose length is unknown). Until then the records are read as without
    /// split mode, and the scan reads the records' ancestors as split mode does; split mode begins on the first
    /// record the reader comes to after that many bytes with the scan outside markup (see <see cref="SplitIfDue"/>), and the
    /// first record cut is the first whose start tag comes after that.</param>
    internal void Split(XmlRecordBatches batches, bool synchronous, long after = 0)
    {
        _levelNamespaces = new (string Prefix, string Uri)[_path.Length][];
        _levelSpaces = new System.Xml.XmlSpace[_path.Length];
        _levelUnsplittable = new bool[_path.Length];
        _levelTags = new byte[]?[_path.Length];
        if (after > 0 && !synchronous)
        {
            _pending = batches;
            _pendingAfter = after;
            return;
        }

        BeginSplit(batches, synchronous);
    }

    private void BeginSplit(XmlRecordBatches batches, bool synchronous)
    {
        _batches = batches;
        batches.StartWorkers();   // before the first batch is cut, so that the workers are running when it comes
        _fillsWindow = synchronous;
        var knownLength = _received == 0 ? XmlRecordBatches.KnownLength(_source) : -1;
        _batchesGrow = synchronous && knownLength < 0;
        SizeBatches(knownLength);

        // Room for the window and as much again three times over, so that the bytes kept (what the reader has not passed,
        // the batches it has still to take) are seldom moved, nor the buffer grown a step at a time; no more than a response
        // of known length needs.
        var size = Math.Min(_limit, 4L * _window);
        if (knownLength >= 0)
        {
            size = Math.Min(size, knownLength + MinimumRead);
        }

        if (size > _buffer.Length && !_readingAhead)
        {
            // (Begun part way with a read running into the buffer, it grows by MakeRoom once the read is taken.)
            Grow((int)size);
        }
    }

    /// <summary>
    /// Sizes the batches (<see cref="XmlRecordBatches.BatchBytesFor"/>) and the window ahead of the reader for a response of
    /// <paramref name="length"/> bytes, or of unknown length (-1).
    /// </summary>
    private void SizeBatches(long length)
    {
        _batchBytes = XmlRecordBatches.BatchBytesFor(length, _batches!.Parallelism);
        _window = (int)Math.Min(Math.Max(4L * _batches.Parallelism * _batchBytes, 64 * 1024), _limit / 2);
    }

    /// <summary>
    /// Begins the split mode that <see cref="Split"/> left pending, once the response has brought the bytes it was to wait for:
    /// on a record the reader has just come to (see <see cref="BeginRecord"/>), whose name it reports at
    /// <paramref name="at"/>, when the scan is outside markup. What the reader has been given ends there or before, so every
    /// record cut from then on begins after it; lines are counted from the record's start tag on, from where the reader is
    /// (its positions are the response's: whitespace taken out is owed to it as lines and spaces), so that nothing is counted
    /// before split mode begins. Not on a record after which whitespace has been taken out of the buffer already (a response
    /// padded between every two records, with 4 KB or more, stays on one thread).
    /// </summary>
    internal void SplitIfDue(System.Xml.IXmlLineInfo at)
    {
        if (_pending is null || _received < _pendingAfter || _currentOrdinal == 0 || _ended || _wholeDocument
            || _state is not (State.Content or State.RecordBody) || !at.HasLineInfo())
        {
            return;
        }

        if (_collapsedAt >= _currentStart)
        {
            // Whitespace past the record was taken out of the buffer, its lines not counted (the reader may have been given
            // them already): not from this record, then.
            return;
        }

        // The reader reports an element where its name begins, one past the '<'.
        _lines.StartAt((int)(_currentStart - _shifted), at.LineNumber, at.LinePosition - 1);
        var batches = _pending;
        _pending = null;
        BeginSplit(batches, synchronous: false);
        ReadPendingScopes();
    }

    private void StartRecordToCut()
    {
        _splitRecordStart = -1;
        var name = QualifiedName();
        // Not a record whose start tag the reader may have been given already. Split mode begins outside markup (see
        // SplitIfDue), so none is; checked all the same, for such a record would reach the reader twice.
        var eligible = _tokenStart >= _read && (!_tracking || _hiddenDepth == 0) && name.IndexOf((byte)':') < 0 && Array.IndexOf(_levelUnsplittable, true) < 0;
        if (!eligible)
        {
            CloseBatch();
            return;
        }

        if (!name.SequenceEqual(_splitName))
        {
            CloseBatch();
            _splitName = name.ToArray();
        }

        _splitRecordStart = _shifted + _tokenStart;
    }

    private void RecordCut(long end)
    {
        var start = _splitRecordStart;
        _splitRecordStart = -1;
        if (_open is null)
        {
            // Where a batch begins is counted when it begins (the batch before may have closed while this record was being
            // scanned); the batch's own lines are counted once, when it closes.
            _lines.CountTo(_buffer, (int)(start - _shifted));
            _open = new OpenBatch(start, _lines.Line, _lines.Column, _splitName, CurrentNamespaces(), CurrentSpace());
        }

        _bounds.Add((int)(start - _open.Start));
        _bounds.Add((int)(end - _open.Start));
        _open.End = end;
        if (end - _open.Start >= CutLength())
        {
            CloseBatch();
        }
    }

    /// <summary>
    /// The length at which the open batch is cut: the batch length, but a quarter and a half of it for the first two, so that
    /// the workers, already waiting, start sooner (a parse of 1,000 SCAN on two threads took about 5 % less, by alternating
    /// loops; cutting the last batches of a response of known length shorter as well did not help).
    /// </summary>
    private int CutLength() => _batchNumber < 2 ? _batchBytes >> (2 - _batchNumber) : _batchBytes;

    /// <summary>Dispatches the records gathered so far as one batch, and puts its placeholder in its place.</summary>
    private void CloseBatch()
    {
        var open = _open;
        if (open is null)
        {
            return;
        }

        _open = null;
        var from = (int)(open.Start - _shifted);
        var length = (int)(open.End - open.Start);
        var batch = _buffer.AsSpan(from, length);
        var bounds = _bounds.ToArray();
        _bounds.Clear();

        // The placeholder, then the batch's line breaks, then spaces up to the column the batch ended at.
        // The placeholder names its batch (qg="token-number", the token random per response, so the response cannot forge
        // one) wherever the batch has room for it on its last line; a batch too short for that is known by its position alone.
        var id = _batchToken + "-" + (++_batchNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (breaks, tail) = _lines.LineBreaks(batch);
        var placeholder = Placeholder(open.Name, id);
        if (breaks == 0 && tail < _lines.Characters(placeholder))
        {
            placeholder = Placeholder(open.Name, null);
            id = null;
        }

        var spaces = breaks == 0 ? tail - _lines.Characters(placeholder) : tail;
        if (_lines.Offset == from)
        {
            // The batch's lines are the counter's too: it moves past the batch without a second count.
            _lines.Skip(length, open.Line, open.Column, breaks, tail);
        }

        _lastRun = new OwedRun { Offset = from, Skip = length, Prefix = placeholder, Breaks = breaks, Spaces = spaces };
        _runs.Enqueue(_lastRun);

        // A worker decodes UTF-8 unless told otherwise (an encoding .NET does not know fails the reader at line 1 anyway).
        var encoding = _lines.OneBytePerCharacter ? DeclaredEncoding() : null;
        // The batch reads its bytes where they are: the buffer is lent to it (see MakeRoom).
        if (_lent?.Array != _buffer)
        {
            _lent = new SharedBytes(_buffer);
        }

        _batches!.Dispatch(new RecordBatch(_lent, from, length, open.Line, open.Column, id, encoding, open.Namespaces, open.Space, bounds));
        if (_batchesGrow)
        {
            SizeBatches(_received);
        }
    }

    /// <summary>An empty element of the record's name, with <c>qg="<paramref name="id"/>"</c> unless that is null.</summary>
    private static byte[] Placeholder(byte[] name, string? id)
    {
        var attribute = id is null ? [] : Encoding.ASCII.GetBytes(" " + XmlRecordBatches.PlaceholderAttribute + "=\"" + id + "\"");
        var placeholder = new byte[name.Length + attribute.Length + 3];
        placeholder[0] = (byte)'<';
        name.CopyTo(placeholder, 1);
        attribute.CopyTo(placeholder, 1 + name.Length);
        placeholder[^2] = (byte)'/';
        placeholder[^1] = (byte)'>';
        return placeholder;
    }

    /// <summary>The namespace declarations of the records' ancestors, in scope at the records.</summary>
    private (string Prefix, string Uri)[] CurrentNamespaces()
    {
        List<(string Prefix, string Uri)>? all = null;
        for (var level = 0; level < _path.Length - 1; level++)
        {
            if (_levelNamespaces[level] is { Length: > 0 } declared)
            {
                (all ??= new()).AddRange(declared);
            }
        }

        return all?.ToArray() ?? [];
    }

    /// <summary>The <c>xml:space</c> in scope at the records: the innermost their ancestors declare (whitespace under "preserve" is data).</summary>
    private System.Xml.XmlSpace CurrentSpace()
    {
        for (var level = _path.Length - 2; level >= 0; level--)
        {
            if (_levelSpaces[level] != System.Xml.XmlSpace.None)
            {
                return _levelSpaces[level];
            }
        }

        return System.Xml.XmlSpace.None;
    }

    /// <summary>
    /// On the start tag of the records' container at <paramref name="level"/>: the namespaces and the <c>xml:space</c> it
    /// declares, which a batch parsed on its own needs.
    /// </summary>
    private void ReadAncestorScope(int level)
    {
        _levelUnsplittable[level] = false;
        _levelNamespaces[level] = [];
        _levelSpaces[level] = System.Xml.XmlSpace.None;
        _levelTags[level] = null;
        var tag = _buffer.AsSpan(_tokenStart, _scan + 1 - _tokenStart);
        if (tag.IndexOf("xmlns"u8) < 0 && tag.IndexOf("xml:space"u8) < 0)
        {
            return;
        }

        if (_batches is null)
        {
            // Split mode may never begin (most responses are small): the tag is kept, and read if it does (ReadPendingScopes).
            _levelTags[level] = tag.ToArray();
            return;
        }

        ReadAncestorScope(level, tag);
    }

    /// <summary>Reads the scopes of the tags <see cref="ReadAncestorScope(int)"/> kept before split mode began.</summary>
    private void ReadPendingScopes()
    {
        for (var level = 0; level < _levelTags.Length; level++)
        {
            if (_levelTags[level] is { } tag)
            {
                _levelTags[level] = null;
                ReadAncestorScope(level, tag);
            }
        }
    }

    private void ReadAncestorScope(int level, ReadOnlySpan<byte> tag)
    {
        var encoding = DeclaredEncoding();
        if (encoding is null)
        {
            _levelUnsplittable[level] = true;
            return;
        }

        try
        {
            var text = encoding.GetString(tag);
            if (!text.EndsWith("/>", StringComparison.Ordinal))
            {
                text = text.Substring(0, text.Length - 1) + "/>";
            }

            using var reader = System.Xml.XmlReader.Create(new StringReader(text), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
            reader.MoveToContent();
            _levelSpaces[level] = reader.XmlSpace;
            var declared = new List<(string Prefix, string Uri)>();
            while (reader.MoveToNextAttribute())
            {
                if (reader.Prefix == "xmlns")
                {
                    declared.Add((reader.LocalName, reader.Value));
                }
                else if (reader.Name == "xmlns")
                {
                    declared.Add((string.Empty, reader.Value));
                }
            }

            _levelNamespaces[level] = declared.ToArray();
        }
        catch (System.Xml.XmlException)
        {
            // Left to the reader to report: the records below it are not cut out.
            _levelUnsplittable[level] = true;
        }
    }

    private sealed class OpenBatch(long start, int line, int column, byte[] name, (string Prefix, string Uri)[] namespaces, System.Xml.XmlSpace space)
    {
        public long Start { get; } = start;

        public long End { get; set; }

        public int Line { get; } = line;

        public int Column { get; } = column;

        public byte[] Name { get; } = name;

        public (string Prefix, string Uri)[] Namespaces { get; } = namespaces;

        public System.Xml.XmlSpace Space { get; } = space;
    }
}
