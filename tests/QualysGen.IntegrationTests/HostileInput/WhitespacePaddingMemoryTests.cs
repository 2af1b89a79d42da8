using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;

namespace QualysGen.IntegrationTests.HostileInput;

/// <summary>Tests that measure what the process allocates, so they run alone (other tests allocate in parallel).</summary>
[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement;

/// <summary>Issue 13.5: whitespace between records (a gzip bomb of blank lines) does not fill the record stream's memory.</summary>
[Collection(nameof(AllocationMeasurement))]
public sealed class WhitespacePaddingMemoryTests
{
    [Fact]
    public async Task Megabytes_of_whitespace_between_records_are_not_held_in_memory()
    {
        // 64 MB of blank lines and indentation between the second and third record: the stream counts them instead of
        // keeping them, so what it allocates does not grow with them (it held 2.5 times the padding before).
        const long Padding = 64L * 1024 * 1024;
        var scans = (int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(i => ComplianceScheduleListTests.Scan(i, $"<DAILY frequency_days=\"{i}\" />")));
        var source = new PaddedListStream(
            Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n" + ComplianceScheduleListTests.Document(scans(1, 2))),
            Encoding.UTF8.GetBytes(scans(3, 4)),
            Padding);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var ids = new List<long>();
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(source))
        {
            ids.Add(scan.Id);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal([1L, 2L, 3L, 4L], ids);
        Assert.True(source.Delivered > Padding);
        Assert.InRange(allocated, 0, 16 * 1024 * 1024);
    }

    /// <summary>A list whose records are followed by <c>padding</c> bytes of whitespace and more records, made as it is read.</summary>
    private sealed class PaddedListStream(byte[] document, byte[] moreRecords, long padding) : QualysGen.Xml.ForwardReadStream
    {
        private static readonly byte[] Whitespace = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("\n\t\t  \r\n    ", 6000)));
        private readonly int _insertAt = Encoding.UTF8.GetString(document).IndexOf("</COMPLIANCE_SCHEDULE_SCAN_LIST>", StringComparison.Ordinal);
        private long _position;

        public long Delivered => _position;

        public override int Read(Span<byte> buffer) => throw new NotSupportedException("The record stream must read asynchronously.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            ReadOnlySpan<byte> from;
            if (_position < _insertAt)
            {
                from = document.AsSpan((int)_position, _insertAt - (int)_position);
            }
            else if (_position < _insertAt + padding)
            {
                var offset = _position - _insertAt;
                from = Whitespace.AsSpan((int)(offset % Whitespace.Length), (int)Math.Min(padding - offset, Whitespace.Length - (offset % Whitespace.Length)));
            }
            else if (_position < _insertAt + padding + moreRecords.Length)
            {
                from = moreRecords.AsSpan((int)(_position - _insertAt - padding));
            }
            else
            {
                from = document.AsSpan((int)Math.Min(document.Length, _position - padding - moreRecords.Length));
            }

            var count = Math.Min(from.Length, buffer.Length);
            from[..count].CopyTo(buffer.Span);
            _position += count;
            return count;
        }
    }
}
