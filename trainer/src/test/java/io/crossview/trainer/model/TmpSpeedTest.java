package io.crossview.trainer.model;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.*;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
class TmpSpeedTest {
  @Test void speed() {
    torch.set_num_threads(2);
    for (boolean mkl : new boolean[]{true,false,true,false}) {
      torch.globalContext().setUserEnabledMkldnn(mkl);
      ReidNet net = new ReidNet(new NetShape(128,64,new int[]{32,32,64,128},4,128,64), 1);
      Adam adam = new Adam(net.parameters(), new AdamOptions(3e-4));
      float[] x = new float[64*3*128*64]; java.util.Random r=new java.util.Random(1); for(int i=0;i<x.length;i++)x[i]=(float)r.nextGaussian();
      long best=Long.MAX_VALUE;
      for (int it=0; it<4; it++) { long t0=System.nanoTime();
        try (PointerScope s = new PointerScope()) {
          ReidNet.Features f = net.forward(Tensors.floats(x,64,3,128,64), true);
          Tensor loss = f.descriptor().pow(new Scalar(2)).mean();
          adam.zero_grad(); loss.backward(); adam.step(); }
        best=Math.min(best,System.nanoTime()-t0); }
      long t0=System.nanoTime(); net.describe(java.util.Arrays.copyOf(x, 32*3*128*64), 32); long inf=System.nanoTime()-t0;
      System.out.println("mkldnn="+mkl+" params "+net.parameterCount()+" train step 64: "+best/1e6+" ms; describe 32: "+inf/1e6+" ms");
    }
  }
}
