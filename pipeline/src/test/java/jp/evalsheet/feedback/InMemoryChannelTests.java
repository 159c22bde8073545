package jp.evalsheet.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class InMemoryChannelTests {

    @Test
    void growsPastItsCapacityAndKeepsEveryByte() throws Exception {
        InMemoryChannel channel = new InMemoryChannel(16);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 1000; i++) {
            byte[] piece = ("piece " + i + ";").getBytes(StandardCharsets.US_ASCII);
            channel.write(ByteBuffer.wrap(piece));
            expected.write(piece);
        }
        assertThat(channel.size()).isEqualTo(expected.size());
        assertThat(channel.position()).isEqualTo(expected.size());
        assertThat(contents(channel)).isEqualTo(expected.toByteArray());
    }

    @Test
    void overwritesInPlaceAfterASeekBackAsAZipHeaderIsPatched() throws Exception {
        InMemoryChannel channel = new InMemoryChannel(16);
        channel.write(ByteBuffer.wrap("header:????;data".getBytes(StandardCharsets.US_ASCII)));
        channel.position(7);
        channel.write(ByteBuffer.wrap("1234".getBytes(StandardCharsets.US_ASCII)));
        assertThat(channel.position()).isEqualTo(11);
        assertThat(channel.size()).isEqualTo(16);
        channel.position(channel.size());
        channel.write(ByteBuffer.wrap("!".getBytes(StandardCharsets.US_ASCII)));
        assertThat(new String(contents(channel), StandardCharsets.US_ASCII)).isEqualTo("header:1234;data!");
    }

    @Test
    void readsBackWhatWasWrittenAndAGapAsZerosEvenWhereTruncatedDataWas() throws Exception {
        InMemoryChannel channel = new InMemoryChannel(4);
        channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}));
        channel.truncate(2);
        channel.position(4);
        channel.write(ByteBuffer.wrap(new byte[] {9}));
        channel.position(0);
        ByteBuffer read = ByteBuffer.allocate(10);
        assertThat(channel.read(read)).isEqualTo(5);
        assertThat(java.util.Arrays.copyOf(read.array(), 5)).containsExactly(1, 2, 0, 0, 9);
        assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
    }

    @Test
    void anEmptyWritePastTheEndLeavesTheSizeAlone() throws Exception {
        InMemoryChannel channel = new InMemoryChannel(4);
        channel.write(ByteBuffer.wrap(new byte[] {1}));
        channel.position(100);
        assertThat(channel.write(ByteBuffer.allocate(0))).isZero();
        assertThat(channel.size()).isEqualTo(1);
    }

    @Test
    void truncatesAndRefusesUseWhenClosedButStillHandsOverItsData() throws Exception {
        InMemoryChannel channel = new InMemoryChannel(8);
        channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}));
        channel.truncate(2);
        assertThat(channel.size()).isEqualTo(2);
        assertThat(channel.position()).isEqualTo(2);
        channel.close();
        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(() -> channel.write(ByteBuffer.wrap(new byte[] {1}))).isInstanceOf(ClosedChannelException.class);
        assertThat(contents(channel)).containsExactly(1, 2);
    }

    private static byte[] contents(InMemoryChannel channel) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        channel.writeTo(out);
        return out.toByteArray();
    }
}
