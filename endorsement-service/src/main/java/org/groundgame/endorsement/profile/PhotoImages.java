package org.groundgame.endorsement.profile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.groundgame.support.domain.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Takes an uploaded photo as the JDK's own image decoders read it, never trusting what it
 * says it is: at most {@code max-upload-size} bytes read; its kind found by decoding
 * (JPEG, PNG, GIF or BMP); its declared size checked before any pixel is decoded (a
 * decompression bomb declares millions of pixels in a few bytes); decoded with
 * subsampling, scaled down to at most {@code max-dimension} pixels a side, and re-encoded
 * as a JPEG without any of the upload's metadata (no camera, no place, no comment), on a
 * white background where it was transparent. What is stored and served is only ever that
 * JPEG.
 */
@Component
class PhotoImages {

	static final String FIELD = "photo";

	private static final Set<String> READABLE = Set.of("jpeg", "png", "gif", "bmp");

	private static final float QUALITY = 0.85f;

	private final ProfileConfiguration.PhotoProperties settings;

	PhotoImages(ProfileConfiguration.PhotoProperties settings) {
		this.settings = settings;
	}

	/**
	 * Reads an upload, at most one byte past the limit.
	 * @throws ErrorResponseException {@code 413} when it is larger than the limit
	 * @throws InvalidInputException naming {@code photo} when it is empty
	 */
	byte[] read(InputStream body) {
		long max = this.settings.maxUploadSize().toBytes();
		byte[] bytes;
		try {
			bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (bytes.length > max) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The photo is larger than " + this.settings.maxUploadSize().toMegabytes()
							+ " MB; send a smaller one (it is scaled down to " + this.settings.maxDimension()
							+ " pixels a side anyway).");
			problem.setType(URI.create("urn:groundgame:problem:photo-too-large"));
			problem.setTitle("Photo too large");
			problem.setProperty("maxBytes", max);
			throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
		}
		if (bytes.length == 0) {
			throw new InvalidInputException(FIELD, "must not be empty: send the image's bytes as the request body");
		}
		return bytes;
	}

	/**
	 * The upload, checked, scaled down and re-encoded.
	 * @throws InvalidInputException naming {@code photo} for anything that is not an
	 * image of a kind it reads, or declares too many pixels, or cannot be decoded
	 */
	StoredImage reencode(byte[] upload) {
		BufferedImage decoded = decode(upload);
		BufferedImage scaled = scaledDown(decoded);
		byte[] jpeg = jpeg(scaled);
		return new StoredImage(hash(jpeg), MediaType.IMAGE_JPEG_VALUE, jpeg, scaled.getWidth(), scaled.getHeight());
	}

	private BufferedImage decode(byte[] upload) {
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw unreadable();
			}
			ImageReader reader = readers.next();
			try {
				if (!READABLE.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
					throw unreadable();
				}
				reader.setInput(input, true, true);
				// The header alone: nothing is decoded before the size is known to be
				// sane.
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || (long) width * height > this.settings.maxSourcePixels()) {
					throw new InvalidInputException(FIELD, "declares " + width + "×" + height + " pixels; at most "
							+ this.settings.maxSourcePixels() / 1_000_000 + " million pixels are taken (a photo of "
							+ this.settings.maxDimension() + " pixels a side is plenty)");
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int subsampling = Math.max(1, Math.max(width, height) / (2 * this.settings.maxDimension()));
				param.setSourceSubsampling(subsampling, subsampling, 0, 0);
				BufferedImage image = reader.read(0, param);
				if (image == null) {
					throw unreadable();
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException invalid) {
				throw invalid;
			}
			// A truncated or corrupt file, or one of a variant the decoder does not take
			// (a CMYK JPEG): the client's to fix, not a server error.
			throw unreadable();
		}
	}

	private BufferedImage scaledDown(BufferedImage image) {
		int longest = Math.max(image.getWidth(), image.getHeight());
		double scale = Math.min(1.0, (double) this.settings.maxDimension() / longest);
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = scaled.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return scaled;
	}

	private static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(QUALITY);
			writer.setOutput(output);
			// No metadata of the upload's is carried over: only the pixels.
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static String hash(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)).substring(0, 32);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static InvalidInputException unreadable() {
		return new InvalidInputException(FIELD,
				"must be a JPEG, PNG, GIF or BMP image that can be read (WebP, SVG and HEIC are not taken)");
	}

}
