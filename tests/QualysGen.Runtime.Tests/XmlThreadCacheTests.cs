using System;
using System.Runtime.CompilerServices;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Xml;
using Xunit;

namespace QualysGen.Runtime.Tests;

/// <summary><see cref="XmlThreadCache{T}"/>: one instance per thread, taken once, and let go by a collection.</summary>
public sealed class XmlThreadCacheTests
{
    [Fact]
    public void What_a_thread_keeps_it_takes_back_once()
    {
        OtherThread.Run(() =>
        {
            Assert.Null(XmlThreadCache<Cached>.Take());
            var kept = new Cached();
            XmlThreadCache<Cached>.Keep(kept);

            Assert.Same(kept, XmlThreadCache<Cached>.Take());
            Assert.Null(XmlThreadCache<Cached>.Take());   // taken: a second parse on the thread makes its own
            GC.KeepAlive(kept);
        });
    }

    [Fact]
    public void Another_thread_does_not_see_it()
    {
        var kept = new Cached();
        OtherThread.Run(() => XmlThreadCache<Cached>.Keep(kept));
        OtherThread.Run(() => Assert.Null(XmlThreadCache<Cached>.Take()));
        GC.KeepAlive(kept);
    }

    [Fact]
    public void A_collection_lets_go_of_what_nothing_else_holds()
    {
        OtherThread.Run(() =>
        {
            KeepOne();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.Null(XmlThreadCache<Cached>.Take());
        });
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void KeepOne() => XmlThreadCache<Cached>.Keep(new Cached());

    private sealed class Cached;
}
