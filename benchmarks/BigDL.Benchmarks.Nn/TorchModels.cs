using static TorchSharp.torch.nn;
using TorchModule = TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>;

namespace BigDL.Benchmarks.Nn;

/// <summary>BigDL's LeNet-5 and VggForCifar10 written with TorchSharp, layer for layer as in our model zoo.</summary>
internal static class TorchModels
{
    public static TorchModule LeNet5() => Sequential(
        Conv2d(1, 6, 5), Tanh(), MaxPool2d(2, 2), Tanh(), Conv2d(6, 12, 5), MaxPool2d(2, 2), Flatten(),
        Linear(12 * 4 * 4, 100), Tanh(), Linear(100, 10), LogSoftmax(1));

    public static TorchModule VggForCifar10()
    {
        var layers = new List<TorchModule>();
        void Block(int cin, int cout)
        {
            layers.Add(Conv2d(cin, cout, 3, stride: 1, padding: 1));
            layers.Add(BatchNorm2d(cout, eps: 1e-3));
            layers.Add(ReLU(inplace: true));
        }
        void Drop(double p) => layers.Add(Dropout(p));
        void Pool() => layers.Add(MaxPool2d(2, 2, ceil_mode: true));
        Block(3, 64); Drop(0.3); Block(64, 64); Pool();
        Block(64, 128); Drop(0.4); Block(128, 128); Pool();
        Block(128, 256); Drop(0.4); Block(256, 256); Drop(0.4); Block(256, 256); Pool();
        Block(256, 512); Drop(0.4); Block(512, 512); Drop(0.4); Block(512, 512); Pool();
        Block(512, 512); Drop(0.4); Block(512, 512); Drop(0.4); Block(512, 512); Pool();
        layers.AddRange([Flatten(), Dropout(0.5), Linear(512, 512), BatchNorm1d(512), ReLU(inplace: true), Dropout(0.5), Linear(512, 10), LogSoftmax(1)]);
        return Sequential(layers.ToArray());
    }
}
