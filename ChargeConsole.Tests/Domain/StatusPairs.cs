namespace ChargeConsole.Tests.Domain;

/// <summary>Every (from, to) pair of a status enum, for testing a life-cycle table move by move.</summary>
public static class StatusPairs
{
    public static TheoryData<T, T> Of<T>() where T : struct, Enum
    {
        var data = new TheoryData<T, T>();
        foreach (var from in Enum.GetValues<T>())
        foreach (var to in Enum.GetValues<T>())
            data.Add(from, to);
        return data;
    }
}
