namespace Volunteering.Domain.TimeBank;

/// <summary>How a relative is related to a member, for gifts of time to family (亲属转赠).</summary>
public enum Relationship
{
    /// <summary>Husband or wife.</summary>
    Spouse = 1,

    /// <summary>Father or mother.</summary>
    Parent = 2,

    /// <summary>Son or daughter.</summary>
    Child = 3,

    /// <summary>Grandparent.</summary>
    Grandparent = 4,

    /// <summary>Grandchild.</summary>
    Grandchild = 5,

    /// <summary>Brother or sister.</summary>
    Sibling = 6,

    /// <summary>Parent of the spouse.</summary>
    ParentInLaw = 7,
}
