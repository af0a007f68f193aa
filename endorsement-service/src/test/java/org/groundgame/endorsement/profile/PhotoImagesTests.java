package org.groundgame.endorsement.profile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Uploads as a stranger may send them: real photos of every kind the JDK reads, and files
 * that only pretend to be one.
 */
class PhotoImagesTests {

	private final PhotoImages images = new PhotoImages(new ProfileConfiguration.PhotoProperties(
			DataSize.ofKilobytes(512), 800, 40_000_000, Duration.ofMinutes(10)));

	@Test
	void aLargeTransparentPngIsScaledDownAndReEncodedAsAJpegOnWhite() throws IOException {
		BufferedImage transparent = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = transparent.createGraphics();
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, 1000, 1000);
		graphics.dispose();

		StoredImage stored = this.images.reencode(encoded(transparent, "png"));

		assertThat(stored.contentType()).isEqualTo("image/jpeg");
		assertThat(stored.width()).isEqualTo(800);
		assertThat(stored.height()).isEqualTo(400);
		BufferedImage read = ImageIO.read(new ByteArrayInputStream(stored.data()));
		assertThat(read.getWidth()).isEqualTo(800);
		assertThat(new Color(read.getRGB(100, 200)).getRed()).isGreaterThan(200);
		// Where it was transparent it is white, not black.
		assertThat(new Color(read.getRGB(700, 200)).getBlue()).isGreaterThan(200);
		assertThat(stored.id()).hasSize(32).isEqualTo(this.images.reencode(encoded(transparent, "png")).id());
	}

	@Test
	void everyKindTheJdkReadsIsTakenAndASmallOneIsNotEnlarged() throws IOException {
		BufferedImage small = picture(300, 3000);
		for (String format : new String[] { "jpeg", "png", "gif", "bmp" }) {
			StoredImage stored = this.images.reencode(encoded(small, format));

			assertThat(stored.width()).as(format).isEqualTo(80);
			assertThat(stored.height()).as(format).isEqualTo(800);
		}
		StoredImage tiny = this.images.reencode(encoded(picture(40, 30), "png"));
		assertThat(tiny.width()).isEqualTo(40);
		assertThat(tiny.height()).isEqualTo(30);
	}

	@Test
	void nothingOfTheUploadsMetadataIsKept() throws IOException {
		byte[] jpeg = encoded(picture(200, 100), "jpeg");
		byte[] exif = "Exif\0\0GPS 38.6270N 90.1994W home of the candidate".getBytes(StandardCharsets.ISO_8859_1);
		ByteBuffer withExif = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
		// SOI, then an APP1 segment holding the "EXIF", then the rest of the file.
		withExif.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
		withExif.put(jpeg, 2, jpeg.length - 2);

		StoredImage stored = this.images.reencode(withExif.array());

		assertThat(new String(stored.data(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS")
			.doesNotContain("candidate")
			.doesNotContain("Exif");
	}

	/**
	 * A PNG of a few dozen bytes that declares 100 000 × 100 000 pixels: decoded, it
	 * would take 40 GB. It is refused from its header, before any pixel is decoded.
	 */
	@Test
	void aDecompressionBombIsRefusedFromItsDeclaredSize() {
		byte[] bomb = TestImages.png(100_000, 100_000);

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.images.reencode(bomb))
			.satisfies((refused) -> {
				assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("photo");
				assertThat(refused.errors().getFirst().message()).contains("100000×100000");
			});
		// The same header declaring a sane size is read (and found truncated): what
		// refused the bomb was its size.
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.images.reencode(TestImages.png(100, 100)))
			.satisfies((refused) -> assertThat(refused.errors().getFirst().message()).contains("JPEG, PNG"));
	}

	@Test
	void whatIsNoImageItReadsIsRefusedNamingThePhotoNeverAServerError() throws IOException {
		byte[] png = encoded(picture(100, 100), "png");
		byte[][] fakes = {
				"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(
						StandardCharsets.UTF_8),
				"<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(png, png.length / 2),
				"RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1),
				new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF } };
		for (byte[] fake : fakes) {
			assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.images.reencode(fake))
				.satisfies((refused) -> assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("photo"));
		}
	}

	@Test
	void anUploadLargerThanTheLimitIsAContentTooLargeProblemAndAnEmptyOneInvalid() {
		byte[] exactly = new byte[512 * 1024];

		assertThatNoException().isThrownBy(() -> this.images.read(new ByteArrayInputStream(exactly)));
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.images.read(new ByteArrayInputStream(new byte[exactly.length + 1])))
			.satisfies((refused) -> {
				assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
				assertThat(refused.getBody().getProperties()).containsEntry("maxBytes", 512L * 1024);
			});
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.images.read(new ByteArrayInputStream(new byte[0])));
	}

	static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.BLUE);
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.YELLOW);
		graphics.fillOval(0, 0, width / 2, height / 2);
		graphics.dispose();
		return image;
	}

	static byte[] encoded(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, bytes)).as(format).isTrue();
		return bytes.toByteArray();
	}

}
