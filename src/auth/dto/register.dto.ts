import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsString, Length, Matches } from 'class-validator';

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export class RegisterDto {
  @ApiProperty({
    example: 'alice',
    description: '1..64 characters of A-Z a-z 0-9 . _ -; unique ignoring case',
  })
  @IsString({ message: 'invalid username' })
  @Matches(USERNAME_PATTERN, { message: 'invalid username' })
  username: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString({ message: 'invalid password' })
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: 'invalid password',
  })
  password: string;

  @ApiPropertyOptional({
    type: String,
    example: 'ix8iFD',
    description:
      'The invite code; required while invites are enabled, ignored otherwise',
  })
  // Checked by the registration, not here: open registration ignores it,
  // whatever its type.
  @Allow()
  code?: unknown;
}
