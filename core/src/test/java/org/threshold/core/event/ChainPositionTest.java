package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChainPositionTest {

    @Test
    void genesisIsSequenceZeroWithAnAllZeroHash() {
        assertThat(ChainPosition.GENESIS.sequence()).isZero();
        assertThat(ChainPosition.GENESIS.hash()).containsOnly(0).hasSize(32);
    }

    @Test
    void genesisCannotBeChangedThroughItsHash() {
        // Every kiosk's first event links to GENESIS: if one caller could alter it, all would.
        ChainPosition.GENESIS.hash()[0] = 1;

        assertThat(ChainPosition.GENESIS.hash()).containsOnly(0);
    }

    @Test
    void aPositionDoesNotChangeWhenTheCallersArrayDoes() {
        byte[] hash = new byte[32];
        ChainPosition position = new ChainPosition(5, hash);

        hash[0] = 1;

        assertThat(position).isEqualTo(new ChainPosition(5, new byte[32]));
    }

    @Test
    void positionsWithEqualContentAreEqual() {
        assertThat(new ChainPosition(3, new byte[32])).isEqualTo(new ChainPosition(3, new byte[32]))
                .hasSameHashCodeAs(new ChainPosition(3, new byte[32]))
                .isNotEqualTo(new ChainPosition(4, new byte[32]));
    }

    @Test
    void refusesANegativeSequenceOrAHashThatIsNotSha256Sized() {
        assertThatThrownBy(() -> new ChainPosition(-1, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChainPosition(1, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNextPositionIsTheEventsSequenceAndHash() {
        SignedEvent event = EventWireFormatTest.EVENT;

        ChainPosition after = ChainPosition.after(event);

        assertThat(after.sequence()).isEqualTo(event.header().sequence());
        assertThat(after.hash()).isEqualTo(event.hash());
    }
}
