import { maskAddress, maskIdNumber, maskPhone, type FieldCrypto } from '../../platform/crypto.js';

/**
 * The stored form of a person's personal data: ciphertext, blind index for exact look-up, masked copy for lists.
 * `undefined` leaves a field as it is; `null` clears it.
 */
export function sealPersonalData(crypto: FieldCrypto, input: { phone?: string | null; idNumber?: string | null; address?: string | null }) {
  const out: Record<string, string | null> = {};
  if (input.phone !== undefined) {
    out.phoneEnc = input.phone === null ? null : crypto.encrypt(input.phone);
    out.phoneBidx = input.phone === null ? null : crypto.blindIndex('phone', input.phone);
    out.phoneMasked = input.phone === null ? null : maskPhone(input.phone);
  }
  if (input.idNumber !== undefined) {
    out.idNumberEnc = input.idNumber === null ? null : crypto.encrypt(input.idNumber);
    out.idNumberBidx = input.idNumber === null ? null : crypto.blindIndex('id_number', input.idNumber);
    out.idNumberMasked = input.idNumber === null ? null : maskIdNumber(input.idNumber);
  }
  if (input.address !== undefined) {
    out.addressEnc = input.address === null ? null : crypto.encrypt(input.address);
    out.addressMasked = input.address === null ? null : maskAddress(input.address);
  }
  return out;
}
