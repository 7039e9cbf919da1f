import { ApiProperty } from '@nestjs/swagger';

/** The body of every error response (API.md, "Errors"). */
export class ErrorResponseDto {
  @ApiProperty({ example: 'invites are disabled' })
  error: string;

  @ApiProperty({ example: 400, description: 'The HTTP status, repeated.' })
  code: number;
}
