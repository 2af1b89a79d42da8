using System;
using System.Linq;
using System.Runtime.CompilerServices;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Xml;
using Xunit;

namespace QualysGen.Runtime.Tests;

/// <summary>
/// <see cref="XmlItems{T}"/>, the list the generated readers gather items in: every item, in order, in an array of their
/// number; lists on one thread, nested or one after another, never share an array; and the array a thread keeps for its next
/// list keeps no parsed item alive.
/// </summary>
public sealed class XmlItemsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(5_000)]
    public void Every_item_comes_back_in_order_in_an_array_of_their_number(int count)
    {
        OtherThread.Run(() =>
        {
            for (var round = 0; round < 3; round++)   // the second and third lists use what the first left the thread
            {
                var items = default(XmlItems<string>);
                for (var i = 0; i < count; i++)
                {
                    items.Add($"{round}-{i}");
                }

                Assert.Equal(count > 0, items.Started);
                var array = items.ToArray();
                Assert.Equal(Enumerable.Range(0, count).Select(i => $"{round}-{i}"), array);
                Assert.Equal(count, array.Length);
            }
        });
    }

    [Fact]
    public void None_is_the_shared_empty_array_and_an_empty_list_that_came_is_started()
    {
        var none = default(XmlItems<int>);
        Assert.False(none.Started);
        Assert.Same(Array.Empty<int>(), none.ToArray());

        var empty = default(XmlItems<int>);
        empty.AddRange(Array.Empty<int>());
        Assert.True(empty.Started);
        Assert.Empty(empty.ToArray());
    }

    [Fact]
    public void A_list_handed_over_whole_is_kept_as_it_is_and_what_follows_is_added_to_a_copy()
    {
        var first = new[] { 1, 2, 3 };
        var alone = default(XmlItems<int>);
        alone.AddRange(first);
        Assert.Same(first, alone.ToArray());

        var more = default(XmlItems<int>);
        more.AddRange(first);
        more.AddRange([4, 5]);
        more.Add(6);
        more.AddRange([]);
        Assert.Equal([1, 2, 3, 4, 5, 6], more.ToArray());
        Assert.Equal([1, 2, 3], first);   // the array handed over is not written to
    }

    [Fact]
    public void Nested_lists_of_one_type_on_one_thread_do_not_share_an_array()
    {
        OtherThread.Run(() =>
        {
            var before = default(XmlItems<string>);   // leaves the thread an array, which the outer list takes
            before.Add("b1");
            Assert.Equal(["b1"], before.ToArray());

            var outer = default(XmlItems<string>);
            outer.Add("o1");
            var inner = default(XmlItems<string>);
            inner.Add("i1");
            outer.Add("o2");
            inner.Add("i2");
            var innerArray = inner.ToArray();
            outer.Add("o3");
            var next = default(XmlItems<string>);   // after the inner one ended, on the array it gave back
            next.Add("n1");
            outer.Add("o4");

            Assert.Equal(["i1", "i2"], innerArray);
            Assert.Equal(["n1"], next.ToArray());
            Assert.Equal(["o1", "o2", "o3", "o4"], outer.ToArray());
        });
    }

    [Fact]
    public void The_array_a_thread_keeps_does_not_keep_the_items_alive()
    {
        OtherThread.Run(() =>
        {
            var item = GatherOne();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.False(item.IsAlive);
        });
    }

    /// <summary>A list of three items made and dropped: a weak reference to one of them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference GatherOne()
    {
        var items = default(XmlItems<object>);
        var first = new object();
        items.Add(first);
        items.Add(new object());
        items.Add(new object());
        _ = items.ToArray();
        return new WeakReference(first);
    }
}
