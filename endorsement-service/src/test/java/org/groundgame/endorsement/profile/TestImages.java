package org.groundgame.endorsement.profile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Images made by hand, as an attacker would. */
public final class TestImages {

	private TestImages() {
	}

	/**
	 * A PNG whose header declares the given size, with a few bytes of pixel data: at 100
	 * 000 × 100 000, a decompression bomb of a few dozen bytes.
	 */
	public static byte[] png(int width, int height) {
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2);
		header.put((byte) 0).put((byte) 0).put((byte) 0);
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[64]);
		deflater.finish();
		byte[] compressed = new byte[128];
		int length = deflater.deflate(compressed);
		deflater.end();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		chunk(png, "IHDR", header.array());
		chunk(png, "IDAT", Arrays.copyOf(compressed, length));
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		png.writeBytes(typeBytes);
		png.writeBytes(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
