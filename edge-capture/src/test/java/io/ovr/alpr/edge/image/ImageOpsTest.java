package io.ovr.alpr.edge.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageOpsTest {

    @Test
    void cropShouldCopyThePixelsUnderTheBoxAndPadWithEdgePixelsOutsideTheImage() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_4BYTE_ABGR,
                BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage whole = randomImage(46, 34, type, 3);
            for (BufferedImage img : new BufferedImage[] {whole, whole.getSubimage(3, 2, 40, 30)}) {
                for (Box box : new Box[] {new Box(5, 4, 20, 10), new Box(-6, -3, 15, 12), new Box(30, 22, 20, 20),
                        new Box(50, 40, 5, 5), new Box(-20, -20, 4, 4), new Box(-5, 10, 60, 3)}) {
                    BufferedImage crop = ImageOps.crop(img, box);
                    assertThat(crop.getWidth()).isEqualTo((int) Math.round(box.w()));
                    assertThat(crop.getHeight()).isEqualTo((int) Math.round(box.h()));
                    for (int y = 0; y < crop.getHeight(); y++) {
                        for (int x = 0; x < crop.getWidth(); x++) {
                            int sx = Math.max(0, Math.min(img.getWidth() - 1, (int) Math.round(box.x()) + x));
                            int sy = Math.max(0, Math.min(img.getHeight() - 1, (int) Math.round(box.y()) + y));
                            assertThat(crop.getRGB(x, y)).as("type %d %s at %d,%d", type, box, x, y)
                                    .isEqualTo(0xff000000 | img.getRGB(sx, sy));
                        }
                    }
                }
            }
        }
    }

    @Test
    void rgbShouldReadEveryLayoutAndSubImageAsGetRgbDoesAlphaIncluded() {
        Random random = new Random(8);
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage img = new BufferedImage(37, 23, type);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, random.nextInt()); // alpha too, where the layout keeps it
                }
            }
            for (BufferedImage im : new BufferedImage[] {img, img.getSubimage(5, 3, 20, 11)}) {
                int w = im.getWidth() - 4;
                int h = im.getHeight() - 3;

                assertThat(ImageOps.rgb(im, 3, 2, w, h)).as("type %d, %dx%d", type, im.getWidth(), im.getHeight())
                        .containsExactly(im.getRGB(3, 2, w, h, null, 0, w));
            }
        }
    }

    @Test
    void jpegShouldGiveTheSameBytesForTheSamePixelsInEveryLayout() throws Exception {
        BufferedImage bgr = randomImage(64, 40, BufferedImage.TYPE_3BYTE_BGR, 5);
        byte[] expected = ImageOps.jpeg(bgr, 0.85f);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage other = new BufferedImage(64, 40, type);
            other.getGraphics().drawImage(bgr, 0, 0, null);

            assertThat(ImageOps.jpeg(other, 0.85f)).as("type %d", type).isEqualTo(expected);
        }
        BufferedImage big = randomImage(70, 50, BufferedImage.TYPE_3BYTE_BGR, 6);
        big.getGraphics().drawImage(bgr, 3, 4, null);
        assertThat(ImageOps.jpeg(big.getSubimage(3, 4, 64, 40), 0.85f)).as("sub-image").isEqualTo(expected);

        BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(expected));
        assertThat(back.getWidth()).isEqualTo(64);
        assertThat(back.getHeight()).isEqualTo(40);
        assertThat(ImageOps.jpeg(ImageOps.toRgb(bgr), 0.85f)).isEqualTo(expected);
    }

    @Test
    void toGreyShouldAverageEachOutputPixelsBoxOfInputPixels() {
        BufferedImage img = randomImage(131, 77, BufferedImage.TYPE_3BYTE_BGR, 7);
        float[] grey = ImageOps.grey(img);
        for (Box region : new Box[] {new Box(0, 0, 131, 77), new Box(7.5, 3.25, 90, 50), new Box(-9, -4, 60, 40),
                new Box(100, 60, 45, 30)}) {
            int w = 19;
            int h = 11;
            float[] out = new float[w * h];

            ImageOps.toGrey(grey, 131, 77, region, w, h, out, 0);

            double sx = region.w() / w;
            double sy = region.h() / h;
            for (int y = 0; y < h; y++) {
                int y0 = (int) Math.floor(region.y() + y * sy);
                int y1 = Math.max(y0 + 1, (int) Math.floor(region.y() + (y + 1) * sy));
                for (int x = 0; x < w; x++) {
                    int x0 = (int) Math.floor(region.x() + x * sx);
                    int x1 = Math.max(x0 + 1, (int) Math.floor(region.x() + (x + 1) * sx));
                    float sum = 0;
                    for (int yy = y0; yy < y1; yy++) {
                        for (int xx = x0; xx < x1; xx++) {
                            sum += grey[Math.max(0, Math.min(76, yy)) * 131 + Math.max(0, Math.min(130, xx))];
                        }
                    }
                    assertThat(out[y * w + x]).as("%s at %d,%d", region, x, y).isEqualTo(sum / ((x1 - x0) * (y1 - y0)));
                }
            }
        }
    }

    private static BufferedImage randomImage(int w, int h, int type, long seed) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random random = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, 0xff000000 | random.nextInt(0x1000000));
            }
        }
        return img;
    }

    @Test
    void greyShouldReadEveryUsualLayoutAndSubImageAsGetRgbDoes() {
        java.util.Random rnd = new java.util.Random(3);
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage img = new BufferedImage(37, 23, type);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, 0xff000000 | rnd.nextInt(1 << 24));
                }
            }
            for (BufferedImage im : new BufferedImage[] {img, img.getSubimage(5, 3, 20, 11)}) {
                int[] px = im.getRGB(0, 0, im.getWidth(), im.getHeight(), null, 0, im.getWidth());
                float[] grey = ImageOps.grey(im);

                assertThat(grey).as("type %d, %dx%d", type, im.getWidth(), im.getHeight()).hasSize(px.length);
                for (int i = 0; i < px.length; i++) {
                    int c = px[i];
                    float expected = (0.299f * ((c >> 16) & 0xff) + 0.587f * ((c >> 8) & 0xff) + 0.114f * (c & 0xff)) / 255f;
                    assertThat(grey[i]).as("type %d pixel %d", type, i).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void toGreyOfARegionShouldEqualToGreyOfItsCropInsideAndOutsideTheImage() {
        java.util.Random rnd = new java.util.Random(4);
        BufferedImage img = new BufferedImage(120, 70, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        float[] grey = ImageOps.grey(img);
        for (Box region : new Box[] {new Box(10, 5, 60, 30), new Box(-20, -10, 80, 45), new Box(90, 50, 50, 30),
                new Box(100, -15, 48, 32)}) {
            // regions that shrink: box means, with edge pixels repeated outside the image as crop pads
            float[] fromRegion = new float[24 * 16];
            float[] fromCrop = new float[24 * 16];

            ImageOps.toGrey(grey, img.getWidth(), img.getHeight(), region, 24, 16, fromRegion, 0);
            ImageOps.toGrey(ImageOps.crop(img, region), 24, 16, fromCrop, 0);

            assertThat(fromRegion).as(region.toString()).containsExactly(fromCrop, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }
}
