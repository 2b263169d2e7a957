package io.ovr.alpr.edge.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageOpsTest {

    @Test
    void cropShouldCopyThePixelsUnderTheBoxAndPadWithEdgePixelsOutsideTheImage() {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(3);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        for (Box box : new Box[] {new Box(5, 4, 20, 10), new Box(-6, -3, 15, 12), new Box(30, 22, 20, 20),
                new Box(50, 40, 5, 5), new Box(-20, -20, 4, 4), new Box(-5, 10, 60, 3)}) {
            BufferedImage crop = ImageOps.crop(img, box);
            assertThat(crop.getWidth()).isEqualTo((int) Math.round(box.w()));
            assertThat(crop.getHeight()).isEqualTo((int) Math.round(box.h()));
            for (int y = 0; y < crop.getHeight(); y++) {
                for (int x = 0; x < crop.getWidth(); x++) {
                    int sx = Math.max(0, Math.min(img.getWidth() - 1, (int) Math.round(box.x()) + x));
                    int sy = Math.max(0, Math.min(img.getHeight() - 1, (int) Math.round(box.y()) + y));
                    assertThat(crop.getRGB(x, y)).as("%s at %d,%d", box, x, y).isEqualTo(img.getRGB(sx, sy));
                }
            }
        }
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
