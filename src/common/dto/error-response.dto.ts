import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One invalid field of a request (ApiValidationPipe). */
export class ErrorDetailDto {
  @ApiProperty({ example: 'username' })
  field: string;

  @ApiProperty({ example: 'invalid username' })
  error: string;
}

/** The body of every error response (API.md, "Errors"). */
export class ErrorResponseDto {
  @ApiProperty({ example: 'invites are disabled' })
  error: string;

  @ApiProperty({
    type: 'integer',
    example: 400,
    description: 'The HTTP status, repeated.',
  })
  code: number;

  @ApiPropertyOptional({
    type: [ErrorDetailDto],
    description: 'Validation errors only: each failing field',
  })
  details?: ErrorDetailDto[];
}
