using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Trading;
using Quorum.Execution.Oms;

namespace Quorum.Execution.Tests.Oms;

public sealed class ClientOrderIdsTests
{
    [Fact]
    public void Format_KnownTuple_GivesTheDocumentedId()
    {
        ClientOrderIds.Format("7", 42, "e1", 0).ShouldBe("q1-b7-p42-e1-a0");
        ClientOrderIds.Format("main", 3, "s", 12).ShouldBe("q1-bmain-p3-s-a12");
    }

    [Fact]
    public void Leg_GivesTheLegCode_SharingTheStringsOfTheFirstNumbers()
    {
        ClientOrderIds.Leg('t', 3).ShouldBe("t3");
        ClientOrderIds.Leg('e', 1).ShouldBe("e1");
        ClientOrderIds.Leg('x', 16).ShouldBe("x16");
        ClientOrderIds.Leg('o', 17).ShouldBe("o17");
        ClientOrderIds.Leg('t', 12345).ShouldBe("t12345");
        ReferenceEquals(ClientOrderIds.Leg('t', 2), ClientOrderIds.Leg('t', 2)).ShouldBeTrue();
    }

    [Fact]
    public void Format_LongestAllowedParts_StaysAValidClientOrderIdOf36Characters()
    {
        var id = ClientOrderIds.Format("abcdefgh", ClientOrderIds.MaxPlanId, "t9999", ClientOrderIds.MaxAttempt);

        id.Length.ShouldBe(36);
        ClientOrderId.IsValid(id).ShouldBeTrue();
    }

    [Theory]
    [InlineData("", 1, "e1", 0)]
    [InlineData("toolongbot", 1, "e1", 0)]
    [InlineData("b-1", 1, "e1", 0)]
    [InlineData("7", 0, "e1", 0)]
    [InlineData("7", 1_000_000_000, "e1", 0)]
    [InlineData("7", 1, "e-1", 0)]
    [InlineData("7", 1, "e1", -1)]
    [InlineData("7", 1, "e1", 100_000)]
    public void Format_OutOfRangePart_Throws(string bot, long plan, string leg, int attempt) =>
        Should.Throw<ArgumentException>(() => ClientOrderIds.Format(bot, plan, leg, attempt));

    [Fact]
    public void Format_DistinctTuples_GiveDistinctValidIds_AndTheSameTupleTheSameId()
    {
        var legs = new[] { "e1", "e2", "e12", "s", "t1", "t2", "x1", "L", "o1" };
        var tuple = from bot in Gen.Elements("1", "7", "main", "b2")
                    from plan in Gen.Choose(1, 5000)
                    from leg in Gen.Elements(legs)
                    from attempt in Gen.Choose(0, 200)
                    select (bot, (long)plan, leg, attempt);
        Prop.ForAll(Arb.From(tuple), Arb.From(tuple), (a, b) =>
        {
            var idA = ClientOrderIds.Format(a.bot, a.Item2, a.leg, a.attempt);
            var idB = ClientOrderIds.Format(b.bot, b.Item2, b.leg, b.attempt);
            return ClientOrderId.IsValid(idA) && idA == ClientOrderIds.Format(a.bot, a.Item2, a.leg, a.attempt) && (a == b) == (idA == idB);
        }).QuickCheckThrowOnFailure();
    }
}
