using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace QualysGen.Xml;

/// <summary>
/// Walks a response down to its records for a generated record stream (<c>Enumerate…Async</c>), over an
/// <see cref="XmlRecordStream"/>: asynchronous waits for the bytes, synchronous reading, the same element readers as
/// <c>Parse</c>. It reads containers as <c>Parse</c> reads them — a repeated list wrapper adds its records, a repeated
/// single element is skipped after the first — leaves out a record that breaks the schema as <c>Parse</c> leaves out a list
/// item, reads the envelope's other members and attributes as <c>Parse</c> does (through the generated
/// <see cref="XmlEnvelopeLevel"/> of each element around the records), and reads the document to its end, so that both give
/// the same records and the same reports, and fail on the same input, with the same exception. Not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class XmlRecordCursor : IDisposable
{
    private readonly XmlRecordStream _records;
    private readonly XmlReaderSettings _settings;
    private readonly string[] _path;
    private readonly Func<int, XmlEnvelopeLevel> _envelope;
    private readonly XmlEnvelopeLevel[] _levels;   // the level of each element the reader is in, from the root down to _level
    private XmlReader? _reader;
    private int _level = -1;    // the index in _path of the element whose content the reader is in; -1 before the root
    private int _index;         // the records positioned on so far
    private bool _ended;
    private XmlRecordBatches? _batches;
    private RecordBatch.BatchResults? _batch;   // the batch whose placeholder the reader is on, while its records are handed over
    private int _batchItem;

    /// <summary>Creates the cursor.</summary>
    /// <param name="records">The buffered response.</param>
    /// <param name="settings">The generated parser's reader settings (its name table atomizes <paramref name="path"/>).</param>
    /// <param name="options">The parse options, or null.</param>
    /// <param name="path">The atomized names from the document element down to the record element.</param>
    /// <param name="repeatable">For each name of <paramref name="path"/>, whether its element may repeat in its parent
    /// (a list wrapper: the records of every occurrence are read); the record itself always repeats.</param>
    /// <param name="envelope">Makes the level of the element at a depth of <paramref name="path"/> (0: the document element,
    /// down to the records' container) as the cursor enters it.</param>
    public XmlRecordCursor(XmlRecordStream records, XmlReaderSettings settings, QualysXmlOptions? options, string[] path, bool[] repeatable, Func<int, XmlEnvelopeLevel> envelope)
    {
        _records = records;
        _settings = settings;
        _path = path;
        _envelope = envelope;
        _levels = new XmlEnvelopeLevel[path.Length - 1];
        Context = new XmlParseContext(options) { RecordDepth = path.Length - 1 };

        // A record left out for a deviation is reported with its XML as it came: the stream keeps the bytes of the record
        // the reader is on (BeginRecord, in MoveNextAsync) until the next one begins.
        records.TrackRecords(repeatable);
        Context.CurrentRecordXml = records.CurrentRecordXml;
    }

    /// <summary>The state of this enumeration's parse: options, paths, drift.</summary>
    public XmlParseContext Context { get; }

    /// <summary>
    /// Parses the records on several threads when the options ask for it, or leave it open and the response is large enough
    /// (see <see cref="QualysXmlOptions.ParallelThresholdBytes"/>): runs of records are cut out of the response as it arrives
    /// and parsed ahead by workers (see <see cref="XmlRecordBatches"/>) while the records before them are handed over, in order.
    /// A response whose length is unknown is read on one thread until the threshold's bytes have arrived. Call before the
    /// first <see cref="MoveNextAsync"/>.
    /// </summary>
    public void Split<TNames, T>(Func<TNames> newNames, Func<TNames, XmlReaderSettings> settings, Func<XmlReader, TNames, XmlParseContext, T> read)
    {
        if (_reader is not null)
        {
            return;
        }

        var parallelism = XmlRecordBatches.ParallelismFor(_records.Source, Context.Options, out var after);
        if (parallelism < 2)
        {
            return;
        }

        _batches = new XmlRecordBatches<TNames, T>(Context.Options, parallelism, _path[..^1], recordStream: true, newNames, settings, read) { Context = Context };
        _records.Split(_batches, synchronous: false, after);
    }

    /// <summary>Waits until the next record is buffered whole and positions the reader on it; false once the document has ended.</summary>
    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_ended)
            {
                return false;
            }

            if (_batch is not null)
            {
                if (_batchItem < _batch.Count)
                {
                    return true;   // TryRead hands it over
                }

                // The batch's records are handed over: its last deviations, its drift, its fault; then past its placeholder,
                // with what follows it buffered first.
                await _records.FillAsync(_index + 1, cancellationToken).ConfigureAwait(false);
                Guard(static cursor =>
                {
                    var batch = cursor._batch!;
                    cursor._batch = null;
                    batch.Finish(cursor.Context);
                    cursor._reader!.Read();
                    return true;
                });
                continue;
            }

            if (_reader is null || _records.Splitting)
            {
                await _records.FillAsync(_index + 1, cancellationToken).ConfigureAwait(false);
            }

            // The start tag of the next record, or the end of the response, is buffered: moving to it reads no source byte.
            if (!Guard(static cursor => cursor.Advance()))
            {
                _ended = true;
                Guard(static cursor =>
                {
                    XmlParsing.ReadToEnd(cursor._reader!);
                    return true;
                });
                Context.Complete();
                return false;
            }

            if (_records.Splitting && Guard(static cursor => cursor.TakeBatch()))
            {
                continue;
            }

            _index++;
            _records.BeginRecord(_index);
            _records.SplitIfDue((IXmlLineInfo)_reader!);
            await _records.FillAsync(_index + 1, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>When the reader is on a batch's placeholder, waits for the batch's records (parsing batches meanwhile).</summary>
    private bool TakeBatch()
    {
        _batch = _batches!.Take(_reader!);
        if (_batch is null)
        {
            return false;
        }

        _batchItem = 0;
        _index += _batch.Records;   // the records the stream counts, cut out or not
        _records.PassRecords(_index);
        return true;
    }

    /// <summary>
    /// Reads the record the reader is on with <paramref name="read"/> (the generated element reader). False when the record
    /// breaks the schema and was left out (reported as a deviation); in strict mode that throws instead.
    /// </summary>
    public bool TryRead<TNames, T>(TNames names, Func<XmlReader, TNames, XmlParseContext, T> read, out T item)
    {
        if (_batch is RecordBatch.Results<T> batch)
        {
            batch.ReplayBefore(Context, _batchItem);
            item = batch.Items[_batchItem++];
            return true;
        }

        var reader = _reader!;
        try
        {
            item = read(reader, names, Context);
            return true;
        }
        catch (QualysXmlException exception) when (Context.Absorbs(exception))
        {
            item = default!;
            Guard(cursor =>
            {
                cursor.Context.Omit(reader, exception, cursor._path.Length - 1);
                return true;
            });
            return false;
        }
        catch (QualysXmlException exception)
        {
            throw WithPath(exception);
        }
        catch (Exception exception) when (XmlParsing.IsDocumentFault(exception))
        {
            throw WithPath(XmlParsing.Malformed(exception));
        }
    }

    /// <summary>Runs a synchronous step, turning what the reader throws into the one documented exception with its path.</summary>
    private bool Guard(Func<XmlRecordCursor, bool> step)
    {
        try
        {
            return step(this);
        }
        catch (QualysXmlException exception)
        {
            throw WithPath(exception);
        }
        catch (Exception exception) when (XmlParsing.IsDocumentFault(exception))
        {
            throw WithPath(XmlParsing.Malformed(exception));
        }
    }

    private QualysXmlException WithPath(QualysXmlException exception)
    {
        for (var level = Math.Min(_level, _path.Length - 2); level >= 0; level--)
        {
            exception.PrependPath(_path[level]);
        }

        _ended = true;
        Context.Complete();
        return exception;
    }

    /// <summary>Moves to the next record's start tag, entering and leaving containers as they come; false at the root's end.</summary>
    private bool Advance()
    {
        var reader = _reader;
        if (reader is null)
        {
            reader = _reader = XmlReader.Create(_records, _settings);
            XmlParsing.MoveToRoot(reader, _path[0], Context);
            _level = 0;
            Context.Enter(reader, _path[0]);
            if (!Descend(reader))
            {
                return false;
            }
        }

        if (Context.TakeRecordEnd())
        {
            // The record just handed over stopped on its end tag; what follows it is read only now.
            reader.Read();
        }

        var last = _path.Length - 1;
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var next = _level + 1;
                    if (next == last && ReferenceEquals(reader.LocalName, _path[last]))
                    {
                        return true;
                    }

                    // The envelope's other members are read as Parse reads them (and a repeat of one allowed once skipped, as
                    // Parse keeps the first); the next element on the path is entered.
                    if (!ReadEnvelopeChild(reader))
                    {
                        continue;
                    }

                    if (next == last)
                    {
                        return true;
                    }

                    _level = next;
                    Context.Enter(reader, _path[next]);
                    if (!Descend(reader))
                    {
                        return false;
                    }

                    continue;
                case XmlNodeType.EndElement:
                    // What breaks the document past a container's end tag is its parent's fault (as Parse reports it).
                    _levels[_level].End(reader);
                    _level--;
                    reader.Read();
                    if (_level < 0)
                    {
                        return false;
                    }

                    continue;
                case XmlNodeType.None:
                    XmlParsing.EnsureNotAtEnd(reader);
                    return false;
                default:
                    reader.Skip();
                    continue;
            }
        }
    }

    /// <summary>
    /// Reads a child of the envelope element the reader is in with its level. Its elements may lie as deep as the records do
    /// (<c>REQUEST/PARAM_LIST/PARAM</c> beside <c>RESPONSE/LIST/SCAN</c>) but are not records: each ends past its end tag, and a
    /// deviation in it carries no record's XML.
    /// </summary>
    private bool ReadEnvelopeChild(XmlReader reader)
    {
        var recordDepth = Context.RecordDepth;
        Context.RecordDepth = -1;
        try
        {
            return _levels[_level].ReadChild(reader, Context);
        }
        finally
        {
            Context.RecordDepth = recordDepth;
        }
    }

    /// <summary>From the start tag of the container at <see cref="_level"/>, its depth entered, into its content, with a new level
    /// for it: its members start unseen (each time a list wrapper comes again).</summary>
    private bool Descend(XmlReader reader)
    {
        var level = _levels[_level] = _envelope(_level);
        level.Start(reader, Context);
        if (reader.IsEmptyElement)
        {
            level.End(reader);
            _level--;
            reader.Read();
            return _level >= 0;
        }

        reader.Read();
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _batches?.Dispose();
        _reader?.Dispose();
        if (!_ended)
        {
            // Left before the end (break, cancellation): the drift seen so far is still reported.
            _ended = true;
            Context.Complete();
        }
    }
}
