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
}
