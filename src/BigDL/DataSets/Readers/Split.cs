namespace BigDL.DataSets;

/// <summary>Which part of a data set with a fixed train/test division to read.</summary>
public enum Split
{
    /// <summary>The training records (MNIST's 60000, CIFAR-10's data_batch_1…5).</summary>
    Train,

    /// <summary>The test records (MNIST's t10k files, CIFAR-10's test_batch).</summary>
    Test,
}
