namespace ChargeConsole.Data.Entities;

/// <summary>The cluster's membership version (one row per cluster id), advanced with every membership change.</summary>
public class ClusterMembershipVersion
{
    public string ClusterId { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>One console node (Orleans silo) as the cluster's membership table records it.</summary>
public class ClusterMembership
{
    public string ClusterId { get; set; } = "";
    /// <summary>The silo's address with its start time (<c>ip:port@generation</c>).</summary>
    public string Silo { get; set; } = "";
    public string SiloName { get; set; } = "";
    public string HostName { get; set; } = "";
    public int Status { get; set; }
    public int ProxyPort { get; set; }
    /// <summary>Who suspects the silo dead and since when: <c>silo,ticks</c> pairs separated by <c>|</c>.</summary>
    public string? SuspectTimes { get; set; }
    public DateTime StartTime { get; set; }
    public DateTime IAmAliveTime { get; set; }
    /// <summary>Optimistic concurrency: a row is written only by whoever read its current tag.</summary>
    public int ETag { get; set; }
}

/// <summary>
/// A scheduled job's run for one interval: the node that inserts the row runs it; the others see the key taken and
/// skip, so each job runs once per interval across the cluster.
/// </summary>
public class JobRun
{
    public string Job { get; set; } = "";
    /// <summary>The start of the interval (UTC), the schedule's slot.</summary>
    public DateTime Slot { get; set; }
    public string Node { get; set; } = "";
    public DateTime ClaimedAt { get; set; }
}
